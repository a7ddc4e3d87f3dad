package org.goldenthread.node.subject;

import java.time.Instant;
import java.util.List;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * A person the agency works with.
 *
 * @param id the node's opaque id, also the {@code subject_ref} the federation sees
 * @param ref the agency's own reference (what its staff and the launcher use)
 * @param tokens linkage tokens computed when the details were saved
 */
public record Subject(
        String id,
        String ref,
        SubjectDetails details,
        List<LinkageToken> tokens,
        Instant recordedAt,
        String recordedBy) {

    public Subject {
        tokens = List.copyOf(tokens);
    }
}
