package org.goldenthread.consent.consent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far back a consent's period may start without saying why. A consent that "started" months before it was
 * recorded makes earlier sharing look lawful after the fact; a short allowance covers paperwork that reaches the
 * system a few days late (issue 14).
 *
 * @param maxBackdating how long before its recording a period may start; further back needs the day the family
 *     consented and a written reason
 */
@ConfigurationProperties("goldenthread.consent")
public record BackdatingProperties(@DefaultValue("P7D") Duration maxBackdating) {

    /** The shortest written reason for backdating (after trimming), and the longest. */
    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 500;

    public BackdatingProperties {
        if (maxBackdating.isNegative()) {
            throw new IllegalArgumentException("goldenthread.consent.max-backdating may not be negative, was "
                    + maxBackdating);
        }
    }
}
