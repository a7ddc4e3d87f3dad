package org.goldenthread.consent.consent;

import java.time.Instant;

/**
 * One earlier revision of a consent record, as the history shows it. The full content of every
 * revision stays stored; this is its summary: enough to see that each revision stated its own evidence
 * and, where its period started well before it was recorded, why.
 *
 * @param backdating null unless that revision's period was backdated beyond the limit
 */
public record ConsentRevision(int revision, ConsentStatus status, Instant revisedAt, String revisedBy,
        String evidenceReference, Instant start, ConsentRecord.Backdating backdating) {

    public ConsentRevision(int revision, ConsentStatus status, Instant revisedAt, String revisedBy) {
        this(revision, status, revisedAt, revisedBy, null, null, null);
    }
}
