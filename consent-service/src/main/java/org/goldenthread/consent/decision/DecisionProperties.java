package org.goldenthread.consent.decision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the work one decision does finding the person's consent records. Never a truncation:
 * exceeding either is a DENY for every agency asked, with a reason saying so (fail closed).
 *
 * @param maxRecords the most consent records one decision reads (direct and linked together)
 * @param maxLinkRounds the most token look-ups one decision makes following links between records
 */
@ConfigurationProperties("goldenthread.consent.decision")
public record DecisionProperties(@DefaultValue("1000") int maxRecords, @DefaultValue("8") int maxLinkRounds) {

    public DecisionProperties {
        if (maxRecords < 1 || maxLinkRounds < 1) {
            throw new IllegalArgumentException("goldenthread.consent.decision.max-records and .max-link-rounds must be "
                    + "at least 1, were " + maxRecords + " and " + maxLinkRounds);
        }
    }
}
