package org.goldenthread.consent.burst;

import java.time.Duration;
import java.time.Instant;
import org.goldenthread.consent.breakglass.ReviewOutcome;

/**
 * Consents about one subject refused for coming too fast, for the recording agency's DPO to review. One
 * alert per agency and subject while pending (further refusals count on it). Ids, counts and the subject
 * digest only: never a token or a name.
 *
 * @param user the last recording user refused
 * @param recentRecords records about the subject within the window at the last refusal
 * @param outcome null while pending
 */
public record BurstAlert(
        String id,
        String agency,
        String user,
        String subjectDigest,
        int recentRecords,
        int limit,
        Duration window,
        int refusals,
        Instant firstRefusedAt,
        Instant lastRefusedAt,
        ReviewOutcome outcome,
        String note,
        String reviewedBy,
        Instant reviewedAt) {

    public boolean pending() {
        return outcome == null;
    }
}
