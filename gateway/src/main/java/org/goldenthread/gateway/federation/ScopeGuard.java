package org.goldenthread.gateway.federation;

import java.util.Set;
import java.util.function.Predicate;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/**
 * The gateway's own check of what a node sent: every item must come from that agency and carry
 * a category the decision granted it, other than INVOLVEMENT. A node is trusted to filter, but not blindly (a bug, an
 * old version, or a compromised node must not be able to leak): anything else is withheld from
 * the view and reported.
 */
final class ScopeGuard {

    private ScopeGuard() {
    }

    /** The record without out-of-scope items, and how many were withheld. */
    static Screened screen(String agency, Set<DataCategory> granted, GetSubjectRecordResponse record) {
        // INVOLVEMENT is the matches' known-to facts, never a record's category: a node that still sends a
        // record tagged so (an older version) is not trusted with it.
        Predicate<Provenance> inScope = p -> agency.equals(p.getAgencyId()) && granted.contains(p.getCategory())
                && p.getCategory() != DataCategory.DATA_CATEGORY_INVOLVEMENT;
        GetSubjectRecordResponse.Builder kept = record.toBuilder()
                .clearCases().clearEvents().clearPlanActions().clearRagHistory();
        record.getCasesList().stream().filter(c -> inScope.test(c.getProvenance())).forEach(kept::addCases);
        record.getEventsList().stream().filter(e -> inScope.test(e.getProvenance())).forEach(kept::addEvents);
        record.getPlanActionsList().stream().filter(a -> inScope.test(a.getProvenance())).forEach(kept::addPlanActions);
        record.getRagHistoryList().stream().filter(r -> inScope.test(r.getProvenance())).forEach(kept::addRagHistory);
        GetSubjectRecordResponse screened = kept.build();
        int withheld = count(record) - count(screened);
        return new Screened(screened, withheld);
    }

    /** Nothing of the record: the node answered, but about no one the gateway may show. */
    static Screened withholdAll(GetSubjectRecordResponse record) {
        GetSubjectRecordResponse empty = record.toBuilder()
                .clearCases().clearEvents().clearPlanActions().clearRagHistory().build();
        return new Screened(empty, count(record));
    }

    private static int count(GetSubjectRecordResponse record) {
        return record.getCasesCount() + record.getEventsCount() + record.getPlanActionsCount() + record.getRagHistoryCount();
    }

    /** A record after screening. */
    record Screened(GetSubjectRecordResponse record, int withheld) {
    }
}
