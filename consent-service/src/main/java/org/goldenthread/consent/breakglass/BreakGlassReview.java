package org.goldenthread.consent.breakglass;

import java.time.Instant;

/**
 * One source agency's review of one break-glass session: pending until its DPO records an outcome.
 *
 * @param outcome null while pending
 */
public record BreakGlassReview(
        String id,
        String sessionId,
        String sourceAgency,
        String user,
        String agency,
        String subjectDigest,
        String justification,
        Instant startedAt,
        Instant endsAt,
        ReviewOutcome outcome,
        String note,
        String reviewedBy,
        Instant reviewedAt) {

    public boolean pending() {
        return outcome == null;
    }
}
