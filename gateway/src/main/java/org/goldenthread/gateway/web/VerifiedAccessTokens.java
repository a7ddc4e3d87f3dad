package org.goldenthread.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a short while, access tokens the real decoder has accepted, so that a user's
 * next requests with the same token skip the ES256 signature check. Profiling the federated view
 * (issue #7) showed that check as the gateway's largest CPU cost: the same token was verified
 * again on every request. A token is remembered by its SHA-256 (the token itself is not kept),
 * at most {@code ttl} and never past its own expiry; refusals are never remembered, so a bad token
 * always meets the real decoder. Cost of the trade: a key withdrawn from identity-service's JWKS
 * stops its tokens at most {@code ttl} later instead of at once.
 */
final class VerifiedAccessTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    private record Accepted(Jwt jwt, Instant until) {
    }

    VerifiedAccessTokens(ReactiveJwtDecoder decoder, Duration ttl, int capacity, Clock clock) {
        this.decoder = decoder;
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = digest(token);
        Accepted known = accepted.get(key);
        Instant now = clock.instant();
        if (known != null) {
            if (now.isBefore(known.until())) {
                return Mono.just(known.jwt());
            }
            accepted.remove(key, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(key, jwt, now));
    }

    private void remember(String key, Jwt jwt, Instant now) {
        Instant until = now.plus(ttl);
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (accepted.size() >= capacity) {
            // Bounded without bookkeeping: forgetting everything only costs some signature checks.
            accepted.clear();
        }
        accepted.put(key, new Accepted(jwt, until));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
