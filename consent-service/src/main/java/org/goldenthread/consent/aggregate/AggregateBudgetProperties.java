package org.goldenthread.consent.aggregate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many aggregate decisions one user may ask for in a UTC day. Each pair of answers is safe on its
 * own (the nodes' suppression and rounding see to that), but three or more overlapping queries can
 * still corner a small group (case-service README, "Counts across agencies"); the budget bounds how
 * many such corners one user can build in a day. 50 is a judgement (a dashboard refresh or an outcome
 * return needs a handful of queries), not a measured figure.
 *
 * @param dailyBudget the most aggregate decision requests per user per UTC day; the next is refused
 *     (429 {@code aggregate-budget}) until midnight UTC
 */
@ConfigurationProperties("goldenthread.consent.aggregate")
public record AggregateBudgetProperties(@DefaultValue("50") int dailyBudget) {

    public AggregateBudgetProperties {
        if (dailyBudget < 1) {
            throw new IllegalArgumentException("goldenthread.consent.aggregate.daily-budget must be at least 1, was "
                    + dailyBudget);
        }
    }
}
