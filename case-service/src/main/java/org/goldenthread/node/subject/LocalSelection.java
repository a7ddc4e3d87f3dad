package org.goldenthread.node.subject;

import java.util.List;
import java.util.Set;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * What {@link SubjectMatcher#select} decided about a request.
 *
 * @param outcome ONE (release {@code chosen}), POSSIBLE (only {@code possible} matches, INVOLVEMENT at
 *     most), NONE, or a refusal: AMBIGUOUS, CONFLICT, NOT_ANCHORED
 * @param chosen the one person, for ONE; null otherwise
 * @param confirmed true when ONE rests on the requesting user's confirmation of a POSSIBLE match
 * @param possible the POSSIBLE matches, for POSSIBLE; empty otherwise
 * @param disagreeing for CONFLICT, the identifying kinds on which a local person disagrees with the
 *     request (kinds only: what the key-worker should check, nothing of the record)
 */
public record LocalSelection(Outcome outcome, LocalMatch chosen, boolean confirmed, List<LocalMatch> possible,
        Set<LinkageTokenKind> disagreeing) {

    public LocalSelection {
        possible = List.copyOf(possible);
        disagreeing = Set.copyOf(disagreeing);
    }
}
