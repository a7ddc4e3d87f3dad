package org.goldenthread.gateway.bff;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security creates the CSRF token lazily; a single-page portal reads it from the cookie
 * before its first write, so the cookie is issued on every answer that does not carry one yet.
 */
final class CsrfCookie implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return token.then(chain.filter(exchange));
    }
}
