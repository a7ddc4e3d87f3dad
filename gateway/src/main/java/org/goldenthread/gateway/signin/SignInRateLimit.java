package org.goldenthread.gateway.signin;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.goldenthread.gateway.web.ProblemResponses;
import org.goldenthread.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.goldenthread.gateway.web.RequestPaths;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A per-source limit on {@code POST /api/identity/login} (YAML: {@code resilience4j.ratelimiter.configs.sign-in-source}),
 * before the request costs identity-service an Argon2id hash (19 MiB, tens of ms): a flood from one
 * address cannot exhaust it for everyone. Guessing is identity-service's to slow (per account and
 * per source, with growing waits); this is the coarse guard in front.
 *
 * <p>The source is the connection's peer: the gateway is the edge, and a client-written
 * {@code X-Forwarded-For} is not believed here. IPv6 clients are counted per /64, which one
 * subscriber usually holds whole. At most {@code goldenthread.gateway.sign-in.max-tracked-sources}
 * limiters are kept; idle ones are dropped, and past the bound new sources share one limiter rather
 * than grow memory without limit (failing towards refusal, not towards no limit).
 */
@Component
class SignInRateLimit implements WebFilter, Ordered {

    static final String LOGIN_PATH = "/api/identity/login";
    private static final String OVERFLOW = "overflow";

    private final RateLimiterConfig config;
    private final MeterRegistry meters;
    private final int maxSources;
    private final Map<String, Tracked> limiters = new ConcurrentHashMap<>();

    private record Tracked(RateLimiter limiter, Instant lastUsed) {
    }

    SignInRateLimit(RateLimiterRegistry registry, MeterRegistry meters,
            @Value("${goldenthread.gateway.sign-in.max-tracked-sources:10000}") int maxSources) {
        this.config = registry.getConfiguration("sign-in-source")
                .orElseThrow(() -> new IllegalStateException("resilience4j.ratelimiter.configs.sign-in-source is required"));
        this.meters = meters;
        this.maxSources = maxSources;
    }

    @Override
    public int getOrder() {
        // Before Spring Security (order -100): a refused flood costs not even a token check.
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isLogin(exchange)) {
            return chain.filter(exchange);
        }
        RateLimiter limiter = limiterFor(source(exchange.getRequest().getRemoteAddress()));
        if (limiter.acquirePermission()) {
            return chain.filter(exchange);
        }
        meters.counter("goldenthread.sign_in.rate_limited").increment();
        long seconds = Math.max(1, config.getLimitRefreshPeriod().toSeconds());
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return ProblemResponses.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "too many sign-in attempts from this address; try again in " + seconds + " s"));
    }

    /** Decoded, case-folded, slashes collapsed: {@code /api/identity/%6Cogin/} is the login route too. */
    static boolean isLogin(ServerWebExchange exchange) {
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
            return false;
        }
        // What cannot be read counts: fail towards the limit.
        return RequestPaths.canonical(exchange.getRequest()).map(LOGIN_PATH::equals).orElse(true);
    }

    static String source(InetSocketAddress remote) {
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null) {
            return "unknown";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.toString();
        }
        return address.getHostAddress();
    }

    private RateLimiter limiterFor(String source) {
        Instant now = Instant.now();
        Tracked tracked = limiters.get(source);
        if (tracked == null && limiters.size() >= maxSources) {
            forgetIdle(now);
            if (limiters.size() >= maxSources) {
                source = OVERFLOW;
            }
        }
        Tracked used = limiters.compute(source, (key, old) -> new Tracked(
                old == null ? RateLimiter.of("sign-in-source", config) : old.limiter(), now));
        return used.limiter();
    }

    /** A limiter idle for two refresh periods has given back every permit; dropping it changes nothing. */
    private void forgetIdle(Instant now) {
        Duration idle = config.getLimitRefreshPeriod().multipliedBy(2);
        limiters.entrySet().removeIf(e -> !e.getKey().equals(OVERFLOW) && e.getValue().lastUsed().plus(idle).isBefore(now));
    }
}
