package org.goldenthread.gateway.web;

import org.goldenthread.gateway.bff.BrowserSignIn;
import org.goldenthread.platform.web.AccessTokenValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.goldenthread.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * The gateway validates every API caller's access token itself (JWKS of identity-service,
 * issuer, audience) before routing or federating; 401 and 403 are problem+json. Browsers sign in
 * through the gateway instead ({@link BrowserSignIn}, when configured) and never hold a token.
 * API paths never redirect to a sign-in page: an unauthenticated call is a 401.
 */
@Configuration
class SecurityConfiguration {

    /**
     * The identity-service token check, with accepted tokens remembered for
     * {@code goldenthread.gateway.access-token-cache} (default 30s, 0 = off): the ES256 check of
     * the same token on every request was the gateway's largest CPU cost in a federated view.
     */
    @Bean
    ReactiveJwtDecoder accessTokens(@Value("${goldenthread.identity.url}") String identityUrl,
            @Value("${goldenthread.identity.issuer}") String issuer,
            @Value("${goldenthread.gateway.access-token-cache:30s}") java.time.Duration remembered) {
        ReactiveJwtDecoder decoder = AccessTokenValidation.reactiveDecoder(identityUrl, issuer);
        return remembered.isZero() || remembered.isNegative() ? decoder
                : new VerifiedAccessTokens(decoder, remembered, 10_000, java.time.Clock.systemUTC());
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder accessTokens,
            ObjectProvider<BrowserSignIn> browserSignIn) {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> {
            var claimed = jwt.getClaimAsStringList("roles");
            return claimed == null ? java.util.List.of() : claimed.stream()
                    .map(r -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
                    .toList();
        });
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return ProblemResponses.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required"));
        };
        ServerAccessDeniedHandler denied = (exchange, e) ->
                ProblemResponses.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "your roles or agency do not allow this"));
        BrowserSignIn browsers = browserSignIn.getIfAvailable();
        if (browsers == null) {
            // Bearer tokens only: nothing rides on a cookie, so there is nothing to forge.
            http.csrf(ServerHttpSecurity.CsrfSpec::disable);
        } else {
            browsers.applyTo(http, accessTokens, roles, unauthenticated);
        }
        return http
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info").permitAll()
                        // Login and key discovery are the identity-service's public surface.
                        .pathMatchers("/api/identity/login", "/.well-known/**").permitAll()
                        // The API description is public: it describes, it holds no data.
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }
}
