package org.goldenthread.node.federation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * What one GetSubjectRecord may release, from the grant's scope for this agency and the ask.
 * INVOLVEMENT is the known-to facts (agency, lead worker, team, contact, since: the {@code
 * Involvement} message) and nothing else, so no case, event, plan action or RAG change ever goes out
 * under it, whatever its own tag says. COORDINATION is for finding out who works with a person, not
 * for reading their records: under it the call answers the known-to facts only, whatever the scope. A
 * special category in a COORDINATION scope (consent-service puts one there only where the agency's agreement names
 * it, because the agency's very involvement discloses it) lets the facts name the team, never a record.
 *
 * @param covered scope ∩ asked (an empty ask is the whole scope): what the grant gives this call; decides whose
 *     facts the known-to may show ({@link SensitiveCategories})
 * @param released what the answer says it released (INVOLVEMENT alone under COORDINATION)
 * @param records the categories of the cases, events, actions and RAG changes released: {@code
 *     released} without INVOLVEMENT; empty under COORDINATION
 */
record RecordCategories(Set<DataCategory> covered, Set<DataCategory> released, Set<DataCategory> records) {

    private static final DataCategory INVOLVEMENT = DataCategory.DATA_CATEGORY_INVOLVEMENT;

    RecordCategories {
        covered = ordered(covered);
        released = ordered(released);
        records = ordered(records);
    }

    /** Refuses (CATEGORY_NOT_GRANTED) when nothing at all may be released. */
    static RecordCategories of(AccessGrant grant, String agencyId, List<DataCategory> asked) throws FederationRefusal {
        Set<DataCategory> covered = EnumSet.noneOf(DataCategory.class);
        covered.addAll(grant.scopeOf(agencyId));
        if (!asked.isEmpty()) {
            covered.retainAll(asked);
        }
        if (covered.isEmpty()) {
            throw FederationRefusal.permissionDenied("CATEGORY_NOT_GRANTED",
                    "the access grant covers none of the categories asked for", grant);
        }
        if (grant.purpose() == Purpose.PURPOSE_COORDINATION) {
            if (!covered.contains(INVOLVEMENT)) {
                throw FederationRefusal.permissionDenied("CATEGORY_NOT_GRANTED",
                        "under purpose COORDINATION only the INVOLVEMENT facts are released, and the grant or the"
                                + " request does not cover INVOLVEMENT", grant);
            }
            return new RecordCategories(covered, Set.of(INVOLVEMENT), Set.of());
        }
        Set<DataCategory> records = EnumSet.copyOf(covered);
        records.remove(INVOLVEMENT);
        return new RecordCategories(covered, covered, records);
    }

    /**
     * The scope MatchSubject's known-to facts are judged by: the grant's for this agency (nothing under
     * COORDINATION without INVOLVEMENT), as for GetSubjectRecord.
     */
    static Set<DataCategory> factsScope(AccessGrant grant, String agencyId) {
        Set<DataCategory> scope = grant.scopeOf(agencyId);
        if (grant.purpose() == Purpose.PURPOSE_COORDINATION && !scope.contains(INVOLVEMENT)) {
            return Set.of();
        }
        return scope;
    }

    boolean involvement() {
        return released.contains(INVOLVEMENT);
    }

    /** In the vocabulary's order, so the answer and the audit entry list categories the same way every time. */
    private static Set<DataCategory> ordered(Set<DataCategory> categories) {
        Set<DataCategory> copy = EnumSet.noneOf(DataCategory.class);
        copy.addAll(categories);
        return Collections.unmodifiableSet(copy);
    }
}
