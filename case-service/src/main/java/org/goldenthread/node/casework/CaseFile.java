package org.goldenthread.node.casework;

import java.time.Instant;
import java.util.List;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * One agency's episode of involvement with a person. Its category decides when the case itself,
 * its plan actions and its RAG history may be released; its events carry their own categories.
 *
 * @param id the node's opaque id (provenance record id)
 * @param ref the agency's own reference
 * @param ragHistory changes of rating, oldest first
 * @param recordedAt when the case was last saved
 * @param recordedBy display name of who saved it last
 */
public record CaseFile(
        String id,
        String ref,
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
        List<RagEntry> ragHistory,
        Instant recordedAt,
        String recordedBy) {

    public CaseFile {
        needs = List.copyOf(needs);
        ragHistory = List.copyOf(ragHistory);
    }

    public boolean open() {
        return state == CaseState.OPEN;
    }
}
