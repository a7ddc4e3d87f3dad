package org.goldenthread.gateway.bff;

import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Token relay for browser sessions. For a request signed in by session cookie, takes the
 * session's access token (refreshed when expired), validates it like any bearer token, and
 * carries on as if the browser had sent it: the request forwarded to a service gets
 * {@code Authorization: Bearer}, and the gateway's own endpoints see the same {@link Jwt}
 * principal an API client produces. One path for both kinds of caller, so agency checks, rate
 * limits and the federation engine never need to know how the user signed in.
 *
 * <p>A session whose tokens cannot be refreshed any more (refresh token expired or revoked, user
 * disabled) is ended and answered 401; the portal starts a new sign-in.
 */
final class SessionTokenRelay implements WebFilter {

    private final ReactiveOAuth2AuthorizedClientManager manager;
    private final ReactiveJwtDecoder accessTokens;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> authentication;
    private final ServerAuthenticationEntryPoint unauthenticated;

    SessionTokenRelay(ReactiveOAuth2AuthorizedClientManager manager, ReactiveJwtDecoder accessTokens,
            Converter<Jwt, ? extends AbstractAuthenticationToken> authentication, ServerAuthenticationEntryPoint unauthenticated) {
        this.manager = manager;
        this.accessTokens = accessTokens;
        this.authentication = authentication;
        this.unauthenticated = unauthenticated;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(session -> session.isEmpty()
                        ? chain.filter(exchange)
                        : relay(session.get(), exchange, chain));
    }

    private Mono<Void> relay(OAuth2AuthenticationToken session, ServerWebExchange exchange, WebFilterChain chain) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                .principal(session)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return manager.authorize(request)
                .map(OAuth2AuthorizedClient::getAccessToken)
                .flatMap(token -> accessTokens.decode(token.getTokenValue()))
                .map(Optional::of)
                .onErrorResume(e -> e instanceof OAuth2AuthorizationException || e instanceof JwtException,
                        e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(jwt -> jwt.isPresent()
                        ? chain.filter(withBearer(exchange, jwt.get()))
                                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication.convert(jwt.get())))
                        : endSession(exchange));
    }

    private Mono<Void> endSession(ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(WebSession::invalidate)
                .then(unauthenticated.commence(exchange, new CredentialsExpiredException("session tokens expired")));
    }

    private static ServerWebExchange withBearer(ServerWebExchange exchange, Jwt jwt) {
        return exchange.mutate()
                .request(r -> r.headers(h -> h.setBearerAuth(jwt.getTokenValue())))
                .build();
    }
}
