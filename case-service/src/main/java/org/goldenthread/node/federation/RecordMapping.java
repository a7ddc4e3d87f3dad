package org.goldenthread.node.federation;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Objects;
import org.goldenthread.node.casework.CaseAction;
import org.goldenthread.node.casework.CaseEvent;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.Rag;
import org.goldenthread.node.casework.RagEntry;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.common.v1.RagRating;
import org.goldenthread.proto.node.v1.Case;
import org.goldenthread.proto.node.v1.CaseStatus;
import org.goldenthread.proto.node.v1.PlanAction;
import org.goldenthread.proto.node.v1.PlanActionStatus;
import org.goldenthread.proto.node.v1.RagChange;
import org.goldenthread.proto.node.v1.TimelineEvent;
import org.goldenthread.proto.node.v1.TimelineEventKind;

/** Stored records to their federation messages; every item gets its provenance here. */
final class RecordMapping {

    private RecordMapping() {
    }

    static Case caseOf(CaseFile c, String agencyId) {
        Case.Builder out = Case.newBuilder()
                .setCaseId(c.id())
                .setCaseType(text(c.caseType()))
                .setStatus(c.open() ? CaseStatus.CASE_STATUS_OPEN : CaseStatus.CASE_STATUS_CLOSED)
                .setLeadWorker(text(c.leadWorker()))
                .setRag(rag(c.rag()))
                .addAllNeeds(c.needs())
                .setProvenance(provenance(agencyId, c.id(), c.category(), c.recordedAt(), c.recordedBy()));
        if (c.openedAt() != null) {
            out.setOpenedAt(timestamp(c.openedAt()));
        }
        if (c.closedAt() != null) {
            out.setClosedAt(timestamp(c.closedAt()));
        }
        return out.build();
    }

    static TimelineEvent eventOf(CaseEvent e, String agencyId) {
        return TimelineEvent.newBuilder()
                .setEventId(e.id())
                .setCaseId(e.caseId())
                .setKind(TimelineEventKind.valueOf("TIMELINE_EVENT_KIND_" + e.kind().name()))
                .setOccurredAt(timestamp(e.occurredAt()))
                .setSummary(text(e.summary()))
                .setProvenance(provenance(agencyId, e.id(), e.category(), e.recordedAt(), e.author()))
                .build();
    }

    static PlanAction actionOf(CaseAction a, CaseFile c, String agencyId) {
        return PlanAction.newBuilder()
                .setActionId(a.id())
                .setCaseId(a.caseId())
                .setDescription(text(a.description()))
                .setOwnerAgency(text(a.ownerAgency()))
                .setDueDate(a.dueDate() == null ? "" : a.dueDate().toString())
                .setStatus(PlanActionStatus.valueOf("PLAN_ACTION_STATUS_" + a.status().name()))
                .setProvenance(provenance(agencyId, a.id(), c.category(), a.recordedAt(), a.recordedBy()))
                .build();
    }

    /** A RAG change's record id is its case's id and its position in the case's history. */
    static RagChange ragChangeOf(CaseFile c, int index, String agencyId) {
        RagEntry r = c.ragHistory().get(index);
        return RagChange.newBuilder()
                .setCaseId(c.id())
                .setFrom(rag(r.from()))
                .setTo(rag(r.to()))
                .setChangedAt(timestamp(r.changedAt()))
                .setChangedBy(text(r.changedBy()))
                .setReason(text(r.reason()))
                .setProvenance(provenance(agencyId, ragRecordId(c, index), c.category(), r.changedAt(), r.changedBy()))
                .build();
    }

    static String ragRecordId(CaseFile c, int index) {
        return c.id() + "/rag/" + (index + 1);
    }

    static Provenance provenance(String agencyId, String recordId, DataCategory category, Instant recordedAt,
            String recordedBy) {
        Provenance.Builder p = Provenance.newBuilder()
                .setAgencyId(agencyId)
                .setRecordId(recordId)
                .setCategory(category)
                .setRecordedBy(text(recordedBy));
        if (recordedAt != null) {
            p.setRecordedAt(timestamp(recordedAt));
        }
        return p.build();
    }

    static RagRating rag(Rag rag) {
        return rag == null ? RagRating.RAG_RATING_UNSPECIFIED : RagRating.valueOf("RAG_RATING_" + rag.name());
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** A protobuf timestamp as an instant; out-of-range values are clamped by the Instant range check. */
    static Instant instant(Timestamp timestamp) throws FederationRefusal {
        try {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw FederationRefusal.invalidArgument("BAD_TIMESTAMP", "a timestamp is out of range");
        }
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
