package org.goldenthread.gateway.signin;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells identity-service who the client is: on the {@code identity} route, the request sent on
 * carries {@code X-Forwarded-For} = the connection's peer address, replacing whatever the client
 * sent (and no {@code Forwarded}). identity-service throttles sign-ins per source and believes this
 * header only from its trusted proxies; a client-written value passed through would let a guesser
 * pick a fresh "source" for every attempt.
 *
 * <p>A headers filter, last in line: with no trusted proxies of its own configured (the gateway is
 * the edge), Spring Cloud Gateway's {@code RemoveXForwardedHeadersFilter} strips every
 * {@code X-Forwarded-*} header, so this must run after it.
 */
@Component
class ForwardedClientAddress implements HttpHeadersFilter, Ordered {

    static final String IDENTITY_ROUTE = "identity";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !IDENTITY_ROUTE.equals(route.getId())) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.remove("X-Forwarded-For");
        headers.remove("Forwarded");
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            headers.set("X-Forwarded-For", remote.getAddress().getHostAddress());
        }
        return headers;
    }
}
