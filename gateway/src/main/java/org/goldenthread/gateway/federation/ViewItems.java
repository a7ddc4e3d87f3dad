package org.goldenthread.gateway.federation;

import java.time.Instant;
import java.util.List;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.node.v1.Case;
import org.goldenthread.proto.node.v1.PlanAction;
import org.goldenthread.proto.node.v1.RagChange;
import org.goldenthread.proto.node.v1.TimelineEvent;

/** The JSON shapes of released items, mapped from the federation contract at the edge. */
public final class ViewItems {

    private ViewItems() {
    }

    /** Where an item came from: agency, its record id there, category, when and by whom. */
    public record Source(String agency, String recordId, String category, Instant recordedAt, String recordedBy) {

        static Source of(Provenance p) {
            return new Source(p.getAgencyId(), p.getRecordId(),
                    // A category from a newer node's vocabulary is shown as unknown, not guessed.
                    p.getCategoryValue() == 0 || p.getCategory() == DataCategory.UNRECOGNIZED ? null : Vocabulary.name(p.getCategory()),
                    p.hasRecordedAt() ? instant(p.getRecordedAt()) : null,
                    emptyToNull(p.getRecordedBy()));
        }
    }

    public record CaseItem(String caseId, String caseType, String status, Instant openedAt, Instant closedAt,
            String leadWorker, String rag, List<String> needs, Source provenance) {

        static CaseItem of(Case c) {
            return new CaseItem(c.getCaseId(), c.getCaseType(), suffix(c.getStatus().name(), "CASE_STATUS_"),
                    c.hasOpenedAt() ? instant(c.getOpenedAt()) : null, c.hasClosedAt() ? instant(c.getClosedAt()) : null,
                    emptyToNull(c.getLeadWorker()), suffix(c.getRag().name(), "RAG_RATING_"), List.copyOf(c.getNeedsList()),
                    Source.of(c.getProvenance()));
        }
    }

    public record EventItem(String eventId, String caseId, String kind, Instant occurredAt, String summary, Source provenance) {

        static EventItem of(TimelineEvent e) {
            return new EventItem(e.getEventId(), emptyToNull(e.getCaseId()), suffix(e.getKind().name(), "TIMELINE_EVENT_KIND_"),
                    e.hasOccurredAt() ? instant(e.getOccurredAt()) : null, e.getSummary(), Source.of(e.getProvenance()));
        }
    }

    public record ActionItem(String actionId, String caseId, String description, String ownerAgency, String dueDate,
            String status, Source provenance) {

        static ActionItem of(PlanAction a) {
            return new ActionItem(a.getActionId(), a.getCaseId(), a.getDescription(), a.getOwnerAgency(),
                    emptyToNull(a.getDueDate()), suffix(a.getStatus().name(), "PLAN_ACTION_STATUS_"), Source.of(a.getProvenance()));
        }
    }

    public record RagItem(String caseId, String from, String to, Instant changedAt, String changedBy, String reason,
            Source provenance) {

        static RagItem of(RagChange r) {
            return new RagItem(r.getCaseId(), suffix(r.getFrom().name(), "RAG_RATING_"), suffix(r.getTo().name(), "RAG_RATING_"),
                    r.hasChangedAt() ? instant(r.getChangedAt()) : null, emptyToNull(r.getChangedBy()),
                    emptyToNull(r.getReason()), Source.of(r.getProvenance()));
        }
    }

    static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static String suffix(String enumName, String prefix) {
        String value = enumName.startsWith(prefix) ? enumName.substring(prefix.length()) : enumName;
        return "UNSPECIFIED".equals(value) ? null : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
