package org.goldenthread.launcher;

import java.util.List;

/** An agency of a local federation: id, display name, the data categories its node holds. */
public record AgencySpec(String id, String name, List<String> categories) {

    public AgencySpec {
        categories = List.copyOf(categories);
    }
}
