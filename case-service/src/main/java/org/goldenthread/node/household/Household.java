package org.goldenthread.node.household;

import java.time.Instant;
import java.util.List;

/** A household as stored: its members with their relationships and periods. */
public record Household(String id, String ref, List<HouseholdMember> members, Instant recordedAt, String recordedBy) {

    public Household {
        members = List.copyOf(members);
    }
}
