package org.goldenthread.consent.isa;

import java.time.Instant;

/** One earlier revision of an agreement, as its history shows it; the full content stays stored. */
public record IsaRevision(int revision, IsaStatus status, Instant revisedAt, String revisedBy) {
}
