package org.goldenthread.federation.linkage;

import java.util.Set;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * The outcome of comparing a request's tokens with one stored person or record.
 *
 * @param relation what the comparison concludes
 * @param shared kinds with a token in common
 * @param contradicted identifying kinds both sides hold (under the same key) with no token in common
 */
public record Comparison(Relation relation, Set<LinkageTokenKind> shared, Set<LinkageTokenKind> contradicted) {

    public Comparison {
        shared = Set.copyOf(shared);
        contradicted = Set.copyOf(contradicted);
    }
}
