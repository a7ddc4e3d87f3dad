package org.goldenthread.consent.consent;

import java.util.Collection;
import java.util.Set;

/**
 * What one dimension of a provision (sources, recipients, purposes or categories) covers: either the values it
 * lists, never none, or everything, because the person recording it said "all" explicitly. Kept apart from a
 * list so that an empty list can no longer mean "every agency, every category" by accident (issue 14), and so
 * every view and export can show the "all" as what it is.
 *
 * @param all true when it covers everything (then {@code values} is empty)
 * @param values what it lists, when not all
 */
public record Scope<T>(boolean all, Set<T> values) {

    public Scope {
        values = Set.copyOf(values);
        if (all && !values.isEmpty()) {
            throw new IllegalArgumentException("an explicit all lists no values");
        }
        if (!all && values.isEmpty()) {
            throw new IllegalArgumentException("a scope lists at least one value or says all");
        }
    }

    public static <T> Scope<T> everything() {
        return new Scope<>(true, Set.of());
    }

    public static <T> Scope<T> of(Collection<T> values) {
        return new Scope<>(false, Set.copyOf(values));
    }

    /**
     * How a stored list reads: records written before explicit "all" existed kept "all" as an empty list, and
     * still mean it — so they fall under the same acknowledgement as any explicit "all".
     */
    public static <T> Scope<T> stored(Collection<T> values) {
        return values.isEmpty() ? everything() : of(values);
    }

    public boolean covers(T value) {
        return all || values.contains(value);
    }

    /** The values covered, out of {@code universe} when it is all. */
    public Set<T> within(Set<T> universe) {
        return all ? universe : values;
    }
}
