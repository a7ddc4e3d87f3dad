package org.goldenthread.node.casework;

import java.time.Instant;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * Something that happened, as the agency recorded it against a case. Released under its own
 * category, whatever the case's category is.
 *
 * @param author display name of the practitioner who recorded it
 */
public record CaseEvent(
        String id,
        String ref,
        String caseId,
        EventKind kind,
        DataCategory category,
        Instant occurredAt,
        String summary,
        String author,
        Instant recordedAt) {
}
