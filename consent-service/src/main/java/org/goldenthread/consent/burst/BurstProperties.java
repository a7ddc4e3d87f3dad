package org.goldenthread.consent.burst;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many consent records about one subject may be recorded in a short time. Many in a row is how a
 * deny would be buried under throw-away permits (issue 13), and no family gives twenty consents in a
 * day, so more is refused and reported to the recording agency's DPO. The default is a judgement, not a
 * measured figure: localities that bulk-load historic consents raise it for the load.
 *
 * @param maxPerSubject the most records sharing an NHS, NINO or NAME_DOB token recorded within {@code window};
 *     the one that would go past it is refused
 */
@ConfigurationProperties("goldenthread.consent.burst")
public record BurstProperties(@DefaultValue("20") int maxPerSubject, @DefaultValue("PT24H") Duration window) {

    public BurstProperties {
        if (maxPerSubject < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("goldenthread.consent.burst.max-per-subject must be at least 1 and "
                    + ".window more than 0, were " + maxPerSubject + " and " + window);
        }
    }
}
