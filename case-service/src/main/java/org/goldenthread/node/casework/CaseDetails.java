package org.goldenthread.node.casework;

import java.time.Instant;
import java.util.List;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * A case as the agency's staff send it.
 *
 * @param subjectId the node id of the person the case is about
 * @param closedAt when closed; null while open (a CLOSED case without it closes now)
 * @param rag current rating, may be null
 * @param ragReason why the rating changed, recorded in the RAG history; may be null
 */
public record CaseDetails(
        String subjectId,
        String caseType,
        DataCategory category,
        CaseState state,
        Instant openedAt,
        Instant closedAt,
        String leadWorker,
        String team,
        String contact,
        Rag rag,
        List<String> needs,
        String ragReason) {

    public CaseDetails {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}
