package org.goldenthread.node.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goldenthread.node.household.Household;

/** A household as the agency's staff see it: members by their subject references. */
record HouseholdView(String ref, String id, List<MemberView> members, Instant recordedAt, String recordedBy) {

    /** One membership; {@code to} null while current. */
    record MemberView(String subjectRef, String relationship, String from, String to) {
    }

    /** @param refsById the members' subject references by node id */
    static HouseholdView of(Household h, Map<String, String> refsById) {
        return new HouseholdView(h.ref(), h.id(), h.members().stream().map(m -> new MemberView(refsById.get(m.subjectId()),
                m.relationship().name(), m.from().toString(), m.to() == null ? null : m.to().toString())).toList(),
                h.recordedAt(), h.recordedBy());
    }
}
