package org.goldenthread.launcher;

import java.util.List;

/**
 * An agency of a local federation: id, display name, the data categories its node holds, and the categories the mere
 * fact of its involvement discloses (the mental-health trust's: HEALTH_MENTAL), as the registry records them.
 */
public record AgencySpec(String id, String name, List<String> categories, List<String> involvementReveals) {

    public AgencySpec {
        categories = List.copyOf(categories);
        involvementReveals = List.copyOf(involvementReveals);
    }

    /** An agency whose involvement discloses nothing beyond itself. */
    public AgencySpec(String id, String name, List<String> categories) {
        this(id, name, categories, List.of());
    }
}
