package org.goldenthread.node.federation;

import java.util.List;
import org.goldenthread.node.subject.LocalMatch;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * What a handler is about to send, and what the audit log must record about it first.
 *
 * @param categories the categories released
 * @param recordIds node ids of the records released
 * @param persons whom the call selected, for calls about a subject
 */
record Release<T>(T response, List<DataCategory> categories, List<String> recordIds, Persons persons) {

    Release {
        categories = List.copyOf(categories);
        recordIds = List.copyOf(recordIds);
        persons = persons == null ? Persons.NOBODY : persons;
    }

    /** A release about no local person (counts, referral updates, a subject the node does not hold). */
    Release(T response, List<DataCategory> categories, List<String> recordIds) {
        this(response, categories, recordIds, Persons.NOBODY);
    }

    /**
     * @param ids the local persons selected (one, or the POSSIBLE matches answered)
     * @param match EXACT, STRONG, POSSIBLE or CONFIRMED (see {@code AuditEvent#match})
     * @param confirmation the confirmation reference's id, for CONFIRMED
     */
    record Persons(List<String> ids, String match, String confirmation) {

        static final Persons NOBODY = new Persons(List.of(), "", "");

        Persons {
            ids = List.copyOf(ids);
        }

        /** The one person a call selected, by its strength (EXACT or STRONG). */
        static Persons selected(LocalMatch one) {
            return new Persons(List.of(one.subject().id()), one.strength().name().replace("MATCH_STRENGTH_", ""), "");
        }
    }
}
