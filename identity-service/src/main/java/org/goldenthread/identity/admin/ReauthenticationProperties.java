package org.goldenthread.identity.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How recently a federation administrator must have signed in to move an agency's endpoints or
 * certificate pin.
 *
 * @param maxAge the longest time since the token's {@code auth_time} (default 5 minutes)
 */
@ConfigurationProperties("goldenthread.identity.reauthentication")
public record ReauthenticationProperties(Duration maxAge) {

    public ReauthenticationProperties {
        maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("goldenthread.identity.reauthentication.max-age must be positive");
        }
    }
}
