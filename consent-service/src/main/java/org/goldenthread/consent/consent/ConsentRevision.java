package org.goldenthread.consent.consent;

import java.time.Instant;

/**
 * One earlier revision of a consent record, as the history shows it. The full content of every
 * revision stays stored; this is its summary.
 */
public record ConsentRevision(int revision, ConsentStatus status, Instant revisedAt, String revisedBy) {
}
