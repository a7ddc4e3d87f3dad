package org.goldenthread.identity.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account lockout against password guessing.
 *
 * @param maxFailures consecutive failed logins that lock the account (default 5)
 * @param duration how long the account stays locked (default 15 minutes)
 */
@ConfigurationProperties("goldenthread.identity.lockout")
public record LockoutProperties(Integer maxFailures, Duration duration) {

    public LockoutProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        duration = duration == null ? Duration.ofMinutes(15) : duration;
        if (maxFailures < 1) {
            throw new IllegalArgumentException("goldenthread.identity.lockout.max-failures must be at least 1");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("goldenthread.identity.lockout.duration must be positive");
        }
    }
}
