package org.goldenthread.node.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a family's plan, held on a case and released with the case's category.
 *
 * @param ownerAgency the agency responsible (may differ from this node's)
 */
public record CaseAction(
        String id,
        String ref,
        String caseId,
        String description,
        String ownerAgency,
        LocalDate dueDate,
        ActionStatus status,
        Instant recordedAt,
        String recordedBy) {
}
