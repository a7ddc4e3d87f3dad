package org.goldenthread.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait as a function of failures: free, then doubling, never past the cap, never negative. */
class BackoffTest {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);

    @Test
    void costsNothingForTheFreeFailuresThenDoublesFromTheFirstDelayToTheCap() {
        assertThat(Backoff.after(0, 3, FIRST, MAX)).isZero();
        assertThat(Backoff.after(3, 3, FIRST, MAX)).isZero();
        assertThat(Backoff.after(4, 3, FIRST, MAX)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.after(5, 3, FIRST, MAX)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.after(6, 3, FIRST, MAX)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.after(10, 3, FIRST, MAX)).isEqualTo(MAX);
    }

    @Test
    void neverShrinksNeverPassesTheCapAndNeverOverflows() {
        for (int free = 0; free <= 25; free += 5) {
            for (long firstMillis : new long[] {1, 999, 1000, 60_000, Long.MAX_VALUE / 4}) {
                Duration first = Duration.ofMillis(firstMillis);
                Duration max = first.multipliedBy(3).isNegative() ? first : first.multipliedBy(3);
                Duration previous = Duration.ZERO;
                for (int failures = 0; failures <= 10_000; failures++) {
                    Duration wait = Backoff.after(failures, free, first, max);
                    assertThat(wait).isBetween(previous, max);
                    previous = wait;
                }
                assertThat(previous).isEqualTo(max);
            }
        }
    }
}
