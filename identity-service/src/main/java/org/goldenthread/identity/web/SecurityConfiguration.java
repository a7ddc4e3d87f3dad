package org.goldenthread.identity.web;

import java.time.Clock;
import org.goldenthread.identity.oidc.AuthorizationServerConfiguration;
import org.goldenthread.identity.user.PasswordLogin;
import org.goldenthread.platform.web.ApiSecurity;
import org.goldenthread.platform.web.ProblemJsonWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains, tried in this order:
 * <ol>
 * <li>the authorization server's endpoints (discovery, JWKS, authorize, token, userinfo, logout),
 *     which follow the browser's session and send a browser without one to the login page;</li>
 * <li>the login page and logout: form login with a session and CSRF protection;</li>
 * <li>everything else, the stateless bearer-token API every service shares. Login and the
 *     registry read are open: the gateway reads the registry without a user.</li>
 * </ol>
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        return http
                .securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                        .providerConfigurationCustomizer(metadata -> metadata.idTokenSigningAlgorithms(algs -> {
                            algs.clear();
                            algs.add(SignatureAlgorithm.ES256.getName());
                        })))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginPage(HttpSecurity http, PasswordLogin login, SignInSource sources, Clock clock) throws Exception {
        return http
                .securityMatcher("/login", "/logout")
                .authenticationProvider(new FormLoginAuthentication(login, clock))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // The page has no scripts, styles or frames. No form-action: browsers apply it to the
                // redirect chain after sign-in, which ends at the client's redirect URI.
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")))
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationDetailsSource(LoginFormDetails.source(sources))
                        .defaultSuccessUrl("/login?signed-in")
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ProblemJsonWriter problems) throws Exception {
        return ApiSecurity.statelessApi(http, problems, auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/identity/login").permitAll()
                        .requestMatchers(HttpMethod.GET, AuthorizationServerConfiguration.JWKS_PATH).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/identity/agencies", "/api/identity/agencies/*").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/identity/agencies/*", "/api/identity/agencies/*/status")
                                .hasRole("FEDERATION_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/identity/sign-in-audit")
                                .hasAnyRole("AGENCY_ADMIN", "DPO", "FEDERATION_ADMIN")
                        .requestMatchers("/api/identity/users", "/api/identity/users/**", "/api/identity/admin-audit",
                                "/api/identity/notices")
                                .hasAnyRole("AGENCY_ADMIN", "FEDERATION_ADMIN"))
                .build();
    }
}
