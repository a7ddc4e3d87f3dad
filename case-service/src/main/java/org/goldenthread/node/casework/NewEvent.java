package org.goldenthread.node.casework;

import java.time.Instant;
import org.goldenthread.proto.common.v1.DataCategory;

/** One timeline event of a bulk import ({@link EventStore#importTimelines}). */
public record NewEvent(String ref, EventKind kind, DataCategory category, Instant occurredAt, String summary,
        String author) {
}
