package org.goldenthread.consent.consent;

import java.time.Instant;
import java.util.List;

/**
 * The current revision of a consent record. Identifies its subject only by linkage tokens
 * (kept in the store, never returned) and their digest.
 *
 * @param end null when open-ended
 * @param withdrawal null unless withdrawn
 * @param history earlier revisions, oldest first
 */
public record ConsentRecord(
        String id,
        int revision,
        ConsentStatus status,
        String subjectDigest,
        Instant start,
        Instant end,
        Evidence evidence,
        List<Provision> provisions,
        String recordedBy,
        String recordedByAgency,
        Instant recordedAt,
        Withdrawal withdrawal,
        List<ConsentRevision> history) {

    public ConsentRecord {
        provisions = List.copyOf(provisions);
        history = List.copyOf(history);
    }

    /** Whether a decision made at {@code now} may rely on this record. */
    public boolean inForceAt(Instant now) {
        return status == ConsentStatus.ACTIVE && !now.isBefore(start) && (end == null || now.isBefore(end));
    }

    /** The withdrawal event: effective for every decision made after {@code at}. */
    public record Withdrawal(Instant at, String by, String reason) {
    }
}
