package org.goldenthread.federation.linkage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * Which one local person, if any, a node may release records of (the node's half of "one person,
 * one decision"): exactly one person at release strength, anchored by the lawful basis, or nothing.
 * Pure: the node passes its candidates (every local person sharing any token with the request).
 *
 * <ol>
 *   <li>any candidate in {@link Relation#CONFLICT} (shares an identifier, disagrees on another):
 *       {@link Outcome#CONFLICT}, nothing released, whoever else matches;</li>
 *   <li>more than one candidate EXACT or STRONG: {@link Outcome#AMBIGUOUS};</li>
 *   <li>one: released when it shares a token of a kind the basis is known by (the grant's anchors;
 *       none named means any identifying kind) and, where the grant carries the consent record's own
 *       identity (hashed), is EXACT or STRONG against that too: the request may leave out the
 *       identifier that tells two people apart, the consent record may not. Else
 *       {@link Outcome#NOT_ANCHORED};</li>
 *   <li>none, but POSSIBLE candidates: {@link Outcome#POSSIBLE} (INVOLVEMENT at most), unless a person
 *       confirmed one of them for this request, which is then released;</li>
 *   <li>else {@link Outcome#NONE}.</li>
 * </ol>
 */
public final class PersonSelection {

    /** What the node may do. */
    public enum Outcome {
        /** Release the {@link Selection#chosen()} person's records within the grant. */
        ONE,
        /** Only POSSIBLE matches: INVOLVEMENT facts at most, and a confirmation asked of the user. */
        POSSIBLE,
        /** No local person matches. */
        NONE,
        /** More than one local person matches at release strength. */
        AMBIGUOUS,
        /** A local person matches on some identifiers and disagrees on others. */
        CONFLICT,
        /** The one match shares no identifier the lawful basis is known by. */
        NOT_ANCHORED
    }

    /** A local person as the selection sees it. */
    public record Candidate(String id, List<LinkageToken> tokens) {
        public Candidate {
            tokens = List.copyOf(tokens);
        }
    }

    /**
     * @param chosen the person to release, for ONE; null otherwise
     * @param possible the POSSIBLE candidates, for POSSIBLE (and the confirmed one for ONE by confirmation)
     * @param comparisons each candidate's comparison, in candidate order
     * @param confirmed true when ONE rests on a person's confirmation of a POSSIBLE match
     */
    public record Selection(Outcome outcome, Candidate chosen, List<Candidate> possible, List<Comparison> comparisons,
            boolean confirmed) {
        public Selection {
            possible = List.copyOf(possible);
            comparisons = List.copyOf(comparisons);
        }

        /** The chosen person's comparison, for ONE; null otherwise. */
        public Comparison chosenComparison(List<Candidate> candidates) {
            return chosen == null ? null : comparisons.get(candidates.indexOf(chosen));
        }
    }

    private PersonSelection() {
    }

    /**
     * @param anchors kinds of the request's tokens the lawful basis is known by; empty = any identifying kind
     * @param confirmedId the local id a person confirmed for this request (a POSSIBLE match); null for none
     */
    public static Selection select(Collection<LinkageToken> request, Set<LinkageTokenKind> anchors,
            List<Candidate> candidates, String confirmedId) {
        return select(request, anchors, List.of(), candidates, confirmedId);
    }

    /**
     * @param basisIdentity the hashed identifying tokens of the consent record(s) the permit rests on
     *     ({@link TokenHashes}); empty when the basis is not about a recorded person (an agreement)
     */
    public static Selection select(Collection<LinkageToken> request, Set<LinkageTokenKind> anchors,
            List<LinkageToken> basisIdentity, List<Candidate> candidates, String confirmedId) {
        List<Comparison> comparisons = new ArrayList<>(candidates.size());
        List<Candidate> releasable = new ArrayList<>();
        List<Candidate> possible = new ArrayList<>();
        boolean conflict = false;
        for (Candidate candidate : candidates) {
            Comparison c = OnePerson.compare(request, candidate.tokens());
            comparisons.add(c);
            switch (c.relation()) {
                case CONFLICT -> conflict = true;
                case EXACT, STRONG -> releasable.add(candidate);
                case POSSIBLE -> possible.add(candidate);
                default -> { }
            }
        }
        if (conflict) {
            return new Selection(Outcome.CONFLICT, null, List.of(), comparisons, false);
        }
        if (releasable.size() > 1) {
            return new Selection(Outcome.AMBIGUOUS, null, List.of(), comparisons, false);
        }
        if (releasable.size() == 1) {
            Candidate one = releasable.get(0);
            Set<LinkageTokenKind> shared = comparisons.get(candidates.indexOf(one)).shared();
            boolean anchored = (anchors.isEmpty()
                    ? shared.stream().anyMatch(OnePerson.IDENTIFYING::contains)
                    : shared.stream().anyMatch(anchors::contains))
                    && (basisIdentity.isEmpty() || OnePerson.compare(TokenHashes.hashAll(one.tokens()), basisIdentity)
                            .relation().releasable());
            return anchored
                    ? new Selection(Outcome.ONE, one, List.of(), comparisons, false)
                    : new Selection(Outcome.NOT_ANCHORED, null, List.of(), comparisons, false);
        }
        if (!possible.isEmpty()) {
            for (Candidate p : possible) {
                // A person's confirmation settles a spelling, never a national identifier the consent record contradicts.
                if (p.id().equals(confirmedId) && (basisIdentity.isEmpty() || OnePerson.compare(
                        TokenHashes.hashAll(p.tokens()), basisIdentity).contradicted().stream()
                        .noneMatch(OnePerson.NATIONAL::contains))) {
                    return new Selection(Outcome.ONE, p, List.of(p), comparisons, true);
                }
            }
            return new Selection(Outcome.POSSIBLE, null, possible, comparisons, false);
        }
        return new Selection(Outcome.NONE, null, List.of(), comparisons, false);
    }
}
