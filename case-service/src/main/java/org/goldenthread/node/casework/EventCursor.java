package org.goldenthread.node.casework;

import java.time.Instant;

/** Where a page of events ended: events come newest first, ties broken by id. */
public record EventCursor(Instant occurredAt, String id) {
}
