package org.goldenthread.consent.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current revision of a consent record. Identifies its subject only by linkage tokens
 * (kept in the store, never returned) and their digest.
 *
 * @param end null when open-ended
 * @param withdrawal null unless withdrawn
 * @param history earlier revisions, oldest first
 * @param backdating why the period starts well before the revision was recorded; null when it does not
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
        List<ConsentRevision> history,
        Backdating backdating) {

    public ConsentRecord {
        provisions = List.copyOf(provisions);
        history = List.copyOf(history);
    }

    /** A record whose period starts when it was recorded (or shortly before). */
    public ConsentRecord(String id, int revision, ConsentStatus status, String subjectDigest, Instant start, Instant end,
            Evidence evidence, List<Provision> provisions, String recordedBy, String recordedByAgency,
            Instant recordedAt, Withdrawal withdrawal, List<ConsentRevision> history) {
        this(id, revision, status, subjectDigest, start, end, evidence, provisions, recordedBy, recordedByAgency,
                recordedAt, withdrawal, history, null);
    }

    /** Whether any provision of the current revision says "all" in any dimension (what a source must acknowledge). */
    public boolean usesExplicitAll() {
        return provisions.stream().anyMatch(Provision::usesExplicitAll);
    }

    /** Whether any provision names {@code agency} as a source, an explicit "all" included: its review queue holds it. */
    public boolean namesSource(String agency) {
        return provisions.stream().anyMatch(p -> p.sources().covers(agency));
    }

    /** Whether this record names {@code agency} as a source or recipient anywhere, an explicit "all" included. */
    public boolean names(String agency) {
        return provisions.stream().anyMatch(p -> p.sources().covers(agency) || p.recipients().covers(agency));
    }

    /** Whether a decision made at {@code now} may rely on this record. */
    public boolean inForceAt(Instant now) {
        return status == ConsentStatus.ACTIVE && !now.isBefore(start) && (end == null || now.isBefore(end));
    }

    /** The withdrawal event: effective for every decision made after {@code at}. */
    public record Withdrawal(Instant at, String by, String reason) {
    }

    /**
     * A period that starts further back than {@code goldenthread.consent.max-backdating}: the day the family
     * actually consented and the written reason it is recorded only now. Kept so a reviewer can judge it.
     */
    public record Backdating(LocalDate consentedOn, String reason) {
    }
}
