package org.goldenthread.gateway.federation;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.goldenthread.gateway.web.ProblemResponses;
import org.goldenthread.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.goldenthread.gateway.web.RequestPaths;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A per-user limit on federation requests (YAML: {@code resilience4j.ratelimiter.configs.federation-user}):
 * each one asks many agencies at once, and a script hammering it is either a fault or a trawl.
 * Over the limit: 429 with {@code Retry-After}, and no consent decision, no node call.
 * Runs after authentication, so the user is known.
 */
@Component
class FederationRateLimit implements WebFilter, Ordered {

    private final RateLimiterRegistry limiters;
    private final MeterRegistry meters;

    FederationRateLimit(RateLimiterRegistry limiters, MeterRegistry meters) {
        this.limiters = limiters;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        // After Spring Security's WebFilterChainProxy (order -100).
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Decoded as the router decodes it (an encoded /%61pi/federation/… is still a federation call); a path that
        // cannot be decoded is limited too.
        if (!RequestPaths.canonical(exchange.getRequest()).map(p -> p.startsWith("/api/federation/")).orElse(true)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .cast(Authentication.class)
                .map(user -> limiters.rateLimiter("federation-user:" + user.getName(), "federation-user"))
                .flatMap(limiter -> limiter.acquirePermission() ? chain.filter(exchange).then(Mono.just(true)) : reject(exchange, limiter))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).then(Mono.just(true))))
                .then();
    }

    private Mono<Boolean> reject(ServerWebExchange exchange, RateLimiter limiter) {
        meters.counter("goldenthread.federation.rate_limited").increment();
        long seconds = Math.max(1, limiter.getRateLimiterConfig().getLimitRefreshPeriod().toSeconds());
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return ProblemResponses.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "too many federation requests; try again in " + seconds + " s")).then(Mono.just(false));
    }
}
