package org.goldenthread.node.aggregate;

import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What of a true count leaves the node: nothing below the threshold, otherwise the count rounded to
 * the nearest multiple of the base. A withheld group is left out of the answer altogether, its key
 * too (a key is itself information: a rare case type, a need), so a small group and an empty one look
 * the same, and the answer does not say how many groups were left out: that number changes between
 * two nested queries exactly when one small group appears, which is what suppression hides. A count
 * that rounds to 0 (possible only when the base is more than twice the threshold) is left out likewise,
 * since "0" would tell a rounded-away group from an absent one.
 */
@Component
@EnableConfigurationProperties(AggregateProperties.class)
public class CountDisclosure {

    private final int threshold;
    private final int rounding;

    public CountDisclosure(AggregateProperties properties) {
        this.threshold = properties.threshold();
        this.rounding = properties.rounding();
    }

    /** The released counts by key, in key order; withheld keys absent. */
    public SortedMap<String, Long> release(Map<String, Long> trueCounts) {
        SortedMap<String, Long> released = new TreeMap<>();
        trueCounts.forEach((key, count) -> released(count).ifPresent(r -> released.put(key, r)));
        return released;
    }

    /** The released form of one true count; empty when withheld. */
    public OptionalLong released(long trueCount) {
        if (trueCount < threshold) {
            return OptionalLong.empty();
        }
        long rounded = (trueCount + rounding / 2) / rounding * rounding;
        return rounded == 0 ? OptionalLong.empty() : OptionalLong.of(rounded);
    }
}
