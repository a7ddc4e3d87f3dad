package org.goldenthread.node.aggregate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node releases counts (ONS / NHS Digital small-number practice, made to survive
 * differencing). A rounding base smaller than the threshold is refused at start: with it, two
 * nested queries whose rounded answers differ by one base could prove that a group smaller than the
 * threshold exists (threshold 5, base 2: "8" from a query and "6" from a narrower one put 1 to 3 cases
 * in the difference). With base ≥ threshold no two answers do (see the README and
 * {@code CountsSurviveDifferencingPropertyTest}).
 *
 * @param threshold the smallest true count released; smaller groups, like empty ones, are not in the
 *     answer at all (at least 2: a threshold of 1 suppresses nothing)
 * @param rounding released counts are rounded to the nearest multiple of this (halves up); at least
 *     {@code threshold}
 */
@ConfigurationProperties("goldenthread.node.aggregate")
public record AggregateProperties(@DefaultValue("5") int threshold, @DefaultValue("5") int rounding) {

    public AggregateProperties {
        if (threshold < 2) {
            throw new IllegalArgumentException("goldenthread.node.aggregate.threshold must be at least 2 (was "
                    + threshold + "): a smaller threshold releases groups of one person");
        }
        if (rounding < threshold) {
            throw new IllegalArgumentException("goldenthread.node.aggregate.rounding (" + rounding + ") must be at least "
                    + "goldenthread.node.aggregate.threshold (" + threshold + "): a smaller base lets two queries "
                    + "reveal a group below the threshold");
        }
    }
}
