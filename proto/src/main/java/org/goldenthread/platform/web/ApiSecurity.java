package org.goldenthread.platform.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The security every servlet service's API shares: stateless bearer tokens (so no CSRF: there is
 * no cookie to ride on), operations endpoints open for probes and scrapers, the service's own
 * rules, then deny-by-default (every other request needs a valid token), 401/403 as problem+json.
 */
public final class ApiSecurity {

    private static final String[] OPERATIONS = {
        "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/error"};

    private ApiSecurity() {
    }

    public static HttpSecurity statelessApi(HttpSecurity http, ProblemJsonWriter problems,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPERATIONS).permitAll();
                    rules.customize(auth);
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
