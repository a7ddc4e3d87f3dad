package org.goldenthread.consent.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How consent-service follows identity-service's agency registry.
 *
 * @param refresh how often the registry is read again; changes bind decisions from the next read on
 */
@ConfigurationProperties("goldenthread.consent.registry")
public record RegistryProperties(
        @DefaultValue("PT30S") Duration refresh) {

    public RegistryProperties {
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("goldenthread.consent.registry.refresh must be more than 0, was " + refresh);
        }
    }
}
