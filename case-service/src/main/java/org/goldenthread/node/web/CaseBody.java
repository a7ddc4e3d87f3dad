package org.goldenthread.node.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /api/cases/{ref}}. category from the data-category vocabulary, status OPEN|CLOSED,
 * rag RED|AMBER|GREEN (optional), times ISO-8601 (a bare date means its start in UTC);
 * ragReason is recorded in the RAG history when the rating changes.
 */
record CaseBody(
        @NotBlank String subjectRef,
        @NotBlank @Size(max = 100) String caseType,
        @NotBlank String category,
        @NotBlank String status,
        @NotBlank String openedAt,
        String closedAt,
        @Size(max = 200) String leadWorker,
        @Size(max = 200) String team,
        @Size(max = 200) String contact,
        String rag,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> needs,
        @Size(max = 1000) String ragReason) {
}
