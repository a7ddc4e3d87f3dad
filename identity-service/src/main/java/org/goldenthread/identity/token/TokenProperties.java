package org.goldenthread.identity.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access tokens are issued.
 *
 * @param url where this service is reached (defaults to loopback and its own port)
 * @param issuer the {@code iss} of every token; services check it, so it is required
 * @param tokenTtl how long an access token lives (default 15 minutes)
 */
@ConfigurationProperties("goldenthread.identity")
public record TokenProperties(String url, String issuer, Duration tokenTtl) {

    public TokenProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("goldenthread.identity.issuer must be set");
        }
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("goldenthread.identity.token-ttl must be at least one second");
        }
    }
}
