package org.goldenthread.gateway.bff;

import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The browser half of the gateway's security: OpenID Connect sign-in (authorization code with
 * PKCE), sign-out at identity-service too, CSRF protection for requests that ride on the session
 * cookie, and {@link SessionTokenRelay} so that everything behind the security chain sees an
 * ordinary access token, exactly as for an API client.
 *
 * <p>API clients that send {@code Authorization: Bearer} are untouched: no session, no CSRF.
 */
public final class BrowserSignIn {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final BffProperties bff;
    private final ReactiveClientRegistrationRepository registrations;
    private final ServerOAuth2AuthorizedClientRepository authorizedClients;
    private final ReactiveOAuth2AuthorizedClientManager manager;

    BrowserSignIn(BffProperties bff, ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveOAuth2AuthorizedClientManager manager) {
        this.bff = bff;
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
        this.manager = manager;
    }

    /**
     * @param accessTokens the same decoder API clients' tokens go through
     * @param authentication the same token-to-authentication mapping (roles) API clients get
     * @param unauthenticated the 401 problem answer, for a session whose tokens can no longer be refreshed
     */
    public void applyTo(ServerHttpSecurity http, ReactiveJwtDecoder accessTokens,
            Converter<Jwt, ? extends AbstractAuthenticationToken> authentication, ServerAuthenticationEntryPoint unauthenticated) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler signOutAtIdentity = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signOutAtIdentity.setPostLogoutRedirectUri(bff.afterSignOut());
        http
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(pkce)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(bff.afterSignIn()))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(
                                bff.afterSignIn() + (bff.afterSignIn().contains("?") ? "&" : "?") + "sign-in=failed")))
                .logout(logout -> logout.logoutUrl("/logout")
                        // Ends the whole session, so the tokens kept in it are gone, not just the login.
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signOutAtIdentity))
                // Double-submit cookie: the portal's script echoes XSRF-TOKEN as X-XSRF-TOKEN.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(BrowserSignIn::writesWithTheSessionCookie))
                .addFilterAfter(new CsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(new SessionTokenRelay(manager, accessTokens, authentication, unauthenticated),
                        // After sign-out, which must still see the browser's own sign-in.
                        SecurityWebFiltersOrder.LOGOUT);
    }

    /**
     * A state-changing request that may be authenticated by the session cookie alone is the one a
     * forged page could send. Without a session there is no ambient authority to abuse (the
     * password login API, for one, answers with a token in the body), so no token is asked for.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> writesWithTheSessionCookie(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return exchange.getSession().flatMap(session -> session.isStarted()
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch());
    }
}
