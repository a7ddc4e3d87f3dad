package org.goldenthread.node.federation;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * What someone who knows the release rule can work out from two answers to nested queries (the
 * second's cases a subset of the first's, which is what differencing exploits): for each key, the
 * interval of true counts consistent with each released answer (found by running the rule backwards
 * over every count up to {@code largest}), and from them the interval of the difference, which is
 * the size of a real group (the cases in the first query and not the second). A small group is
 * proven when an interval lies inside [1, threshold - 1].
 */
final class Differencing {

    /** The true counts from {@code low} to {@code high} inclusive. */
    record Interval(long low, long high) {

        boolean contains(long count) {
            return low <= count && count <= high;
        }

        boolean provesASmallGroup(int threshold) {
            return low >= 1 && high <= threshold - 1;
        }
    }

    private final LongFunction<OptionalLong> release;
    private final int threshold;
    private final long largest;

    /**
     * @param release the rule: a true count to what is released (empty: the key is absent)
     * @param largest the largest true count considered: a bound the attacker knows (a tight one, such as a
     *     population size known from elsewhere, narrows the top of every interval)
     */
    Differencing(LongFunction<OptionalLong> release, int threshold, long largest) {
        this.release = release;
        this.threshold = threshold;
        this.largest = largest;
    }

    /** The true counts consistent with a key's released count, null when the key was absent. */
    Interval consistentWith(Long released) {
        OptionalLong seen = released == null ? OptionalLong.empty() : OptionalLong.of(released);
        long low = -1;
        long high = -1;
        for (long count = 0; count <= largest; count++) {
            if (release.apply(count).equals(seen)) {
                low = low < 0 ? count : low;
                high = count;
            }
        }
        if (low < 0) {
            throw new AssertionError("no true count up to " + largest + " is released as " + released);
        }
        return new Interval(low, high);
    }

    /** The sizes of the group {@code wider \ narrower} consistent with both answers. */
    Interval difference(Long wider, Long narrower) {
        Interval a = consistentWith(wider);
        Interval b = consistentWith(narrower);
        return new Interval(Math.max(0, a.low() - b.high()), a.high() - b.low());
    }

    /** A key (with its reasoning) whose count or difference the two answers prove small; null when none. */
    String proof(Map<String, Long> wider, Map<String, Long> narrower) {
        Set<String> keys = new TreeSet<>(wider.keySet());
        keys.addAll(narrower.keySet());
        for (String key : keys) {
            Interval one = consistentWith(wider.get(key));
            Interval other = consistentWith(narrower.get(key));
            Interval apart = difference(wider.get(key), narrower.get(key));
            for (Interval shown : new Interval[] {one, other, apart}) {
                if (shown.provesASmallGroup(threshold)) {
                    return key + ": " + wider.get(key) + " and " + narrower.get(key) + " prove a group of " + shown;
                }
            }
        }
        return null;
    }
}
