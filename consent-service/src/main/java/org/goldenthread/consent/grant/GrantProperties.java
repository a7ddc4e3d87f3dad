package org.goldenthread.consent.grant;

import java.time.Duration;
import org.goldenthread.federation.grant.AccessGrant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access grants are issued.
 *
 * @param grantTtl lifetime of a grant; at most {@link AccessGrant#MAX_LIFETIME} (nodes refuse
 *     longer ones), so a longer setting stops the service at start rather than at the first call
 */
@ConfigurationProperties("goldenthread.consent")
public record GrantProperties(@DefaultValue("120s") Duration grantTtl) {

    public GrantProperties {
        if (grantTtl.isNegative() || grantTtl.isZero() || grantTtl.compareTo(AccessGrant.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("goldenthread.consent.grant-ttl must be more than 0 and at most "
                    + AccessGrant.MAX_LIFETIME.toSeconds() + "s, was " + grantTtl);
        }
    }
}
