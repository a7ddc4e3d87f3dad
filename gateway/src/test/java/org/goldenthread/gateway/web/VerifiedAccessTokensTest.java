package org.goldenthread.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedAccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    /** A decoder that accepts "good-*" tokens expiring at {@code expiresAt} and counts its calls. */
    static final class CountingDecoder implements ReactiveJwtDecoder {
        final AtomicInteger calls = new AtomicInteger();
        Instant expiresAt = NOW.plus(Duration.ofMinutes(15));

        @Override
        public Mono<Jwt> decode(String token) {
            calls.incrementAndGet();
            if (!token.startsWith("good-")) {
                return Mono.error(new BadJwtException("bad signature"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "ES256").subject(token)
                    .issuedAt(NOW.minusSeconds(1)).expiresAt(expiresAt).build());
        }
    }

    static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final CountingDecoder real = new CountingDecoder();
    final MovableClock clock = new MovableClock();
    final VerifiedAccessTokens tokens = new VerifiedAccessTokens(real, Duration.ofSeconds(30), 100, clock);

    @Nested
    class WhenATokenWasAccepted {

        @Test
        void acceptsItAgainWithoutCheckingTheSignatureAgain() {
            assertThat(tokens.decode("good-1").block().getSubject()).isEqualTo("good-1");
            assertThat(tokens.decode("good-1").block().getSubject()).isEqualTo("good-1");
            assertThat(real.calls).hasValue(1);
        }

        @Test
        void checksItAgainOnceTheCacheTimeHasPassed() {
            tokens.decode("good-1").block();
            clock.now = NOW.plusSeconds(31);
            tokens.decode("good-1").block();
            assertThat(real.calls).hasValue(2);
        }

        @Test
        void neverRemembersItPastItsOwnExpiry() {
            real.expiresAt = NOW.plusSeconds(5);
            tokens.decode("good-1").block();
            clock.now = NOW.plusSeconds(6);
            tokens.decode("good-1").block();
            assertThat(real.calls).hasValue(2);
        }

        @Test
        void doesNotAcceptAnotherTokenOnItsStrength() {
            tokens.decode("good-1").block();
            assertThatThrownBy(() -> tokens.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        }
    }

    @Nested
    class WhenATokenWasRefused {

        @Test
        void refusesItAgainThroughTheRealDecoder() {
            assertThatThrownBy(() -> tokens.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> tokens.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
            assertThat(real.calls).hasValue(2);
        }
    }
}
