package org.goldenthread.consent.common;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.proto.common.v1.DataCategory;

/** The data categories as the rules see them. */
public final class Categories {

    /** Every real category: what an empty category list in a consent provision means. */
    public static final Set<DataCategory> ALL = Arrays.stream(DataCategory.values())
            .filter(c -> c != DataCategory.DATA_CATEGORY_UNSPECIFIED && c != DataCategory.UNRECOGNIZED)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Special category data (UK GDPR art. 9: health; substance misuse is health data): shared
     * under an agreement only where the agreement names it.
     */
    public static final Set<DataCategory> SPECIAL = Set.copyOf(EnumSet.of(
            DataCategory.DATA_CATEGORY_HEALTH_MENTAL,
            DataCategory.DATA_CATEGORY_HEALTH_PHYSICAL,
            DataCategory.DATA_CATEGORY_SUBSTANCE_MISUSE));

    /** Every category that is not special category data. */
    public static final Set<DataCategory> ORDINARY = ALL.stream().filter(c -> !SPECIAL.contains(c))
            .collect(Collectors.toUnmodifiableSet());

    private Categories() {
    }
}
