package org.goldenthread.identity.signin;

import java.time.Duration;

/** The wait after a number of failures: none for the free ones, then doubling from the first delay to a cap. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int failures, int freeFailures, Duration firstDelay, Duration maxDelay) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures - 1;
        long millis = firstDelay.toMillis();
        // Past 2^40 ms (35 years) or a shift that would overflow into a short or negative wait: the cap.
        if (doublings >= 40 || millis > (Long.MAX_VALUE >> doublings)) {
            return maxDelay;
        }
        Duration wait = Duration.ofMillis(millis << doublings);
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }
}
