package org.goldenthread.identity.signin;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in resists guessing without letting anyone lock a user out: the free failures for an
 * account, or from a source address, cost nothing; each further one makes the next attempt wait,
 * {@code first-delay} after the first, then twice that, and so on up to {@code max-delay}. Failures older than
 * {@code forget-after} are forgotten.
 *
 * @param accountFreeFailures failures per username that cost no wait (default 3)
 * @param sourceFreeFailures failures per source address that cost no wait (default 20: an office
 *        behind one address makes typos together)
 * @param firstDelay the first wait (default 1s)
 * @param maxDelay the longest wait (default 60s): a bound on what a stranger can do to a user
 * @param forgetAfter failures are forgotten this long after the last one (default 15m)
 * @param inFlightLease how long an admitted attempt at an account that has failed before keeps others
 *        at that account waiting, at most (default 10s; its outcome ends it sooner)
 * @param trustedProxies addresses or CIDR blocks (the gateway's) whose {@code X-Forwarded-For} names
 *        the source; from anyone else the header is ignored (default loopback only, where the launcher runs
 *        the gateway: without it every sign-in through the gateway would share one source and one
 *        guesser's failures would make everyone wait)
 */
@ConfigurationProperties("goldenthread.identity.sign-in")
public record SignInProperties(Integer accountFreeFailures, Integer sourceFreeFailures, Duration firstDelay,
        Duration maxDelay, Duration forgetAfter, Duration inFlightLease, List<String> trustedProxies) {

    public SignInProperties {
        accountFreeFailures = accountFreeFailures == null ? 3 : accountFreeFailures;
        sourceFreeFailures = sourceFreeFailures == null ? 20 : sourceFreeFailures;
        firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
        maxDelay = maxDelay == null ? Duration.ofSeconds(60) : maxDelay;
        forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
        inFlightLease = inFlightLease == null ? Duration.ofSeconds(10) : inFlightLease;
        trustedProxies = trustedProxies == null ? List.of("127.0.0.1", "::1") : List.copyOf(trustedProxies);
        if (accountFreeFailures < 0 || sourceFreeFailures < 0) {
            throw new IllegalArgumentException("goldenthread.identity.sign-in.*-free-failures must not be negative");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException(
                    "goldenthread.identity.sign-in.first-delay must be positive and max-delay at least first-delay");
        }
        if (forgetAfter.isNegative() || forgetAfter.isZero() || inFlightLease.isNegative() || inFlightLease.isZero()) {
            throw new IllegalArgumentException(
                    "goldenthread.identity.sign-in.forget-after and in-flight-lease must be positive");
        }
    }
}
