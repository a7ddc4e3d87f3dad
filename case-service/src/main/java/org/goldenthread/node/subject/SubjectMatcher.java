package org.goldenthread.node.subject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.federation.linkage.Comparison;
import org.goldenthread.federation.linkage.PersonSelection;
import org.goldenthread.federation.linkage.PersonSelection.Candidate;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.federation.linkage.Relation;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.springframework.stereotype.Component;

/**
 * Which one local person, if any, a request's linkage tokens are about: the federation's own rule
 * ({@link PersonSelection}, "one person or nothing") applied to every local person sharing any
 * token with the request, each compared with all the tokens stored for them (previous names
 * included). A token is shared only when kind, key id and value are all equal.
 */
@Component
public class SubjectMatcher {

    private final SubjectStore subjects;

    public SubjectMatcher(SubjectStore subjects) {
        this.subjects = subjects;
    }

    /**
     * @param anchors the token kinds the grant's lawful basis is known by; empty = any identifying kind
     * @param basisIdentity the hashed identifying tokens of the consent record(s) the grant rests on: the
     *     person released must be consistent with them too; empty for an agreement or break-glass
     * @param confirmedId the local id of a POSSIBLE match the requesting user confirmed; null for none
     */
    public LocalSelection select(Collection<LinkageToken> request, Set<LinkageTokenKind> anchors,
            List<LinkageToken> basisIdentity, String confirmedId) {
        Set<String> asked = new HashSet<>();
        request.forEach(t -> asked.add(SubjectStore.key(t)));
        // The index may hold a stale posting: a candidate must share a token by its own stored tokens.
        List<Subject> found = subjects.withAnyToken(request).stream()
                .filter(s -> s.tokens().stream().anyMatch(t -> asked.contains(SubjectStore.key(t))))
                .sorted(Comparator.comparing(Subject::id))
                .toList();
        Map<String, Subject> byId = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>(found.size());
        for (Subject s : found) {
            byId.put(s.id(), s);
            candidates.add(new Candidate(s.id(), s.tokens()));
        }
        PersonSelection.Selection selection = PersonSelection.select(request, anchors, basisIdentity, candidates,
                confirmedId);
        Set<LinkageTokenKind> disagreeing = EnumSet.noneOf(LinkageTokenKind.class);
        for (Comparison c : selection.comparisons()) {
            if (c.relation() == Relation.CONFLICT) {
                disagreeing.addAll(c.contradicted());
            }
        }
        LocalMatch chosen = null;
        if (selection.outcome() == Outcome.ONE) {
            Comparison c = selection.chosenComparison(candidates);
            chosen = new LocalMatch(byId.get(selection.chosen().id()), sorted(c.shared()),
                    selection.confirmed() ? MatchStrength.MATCH_STRENGTH_POSSIBLE : strengthOf(c.relation()));
        }
        List<LocalMatch> possible = new ArrayList<>();
        if (selection.outcome() == Outcome.POSSIBLE) {
            for (Candidate p : selection.possible()) {
                possible.add(new LocalMatch(byId.get(p.id()), sorted(selection.comparisons()
                        .get(candidates.indexOf(p)).shared()), MatchStrength.MATCH_STRENGTH_POSSIBLE));
            }
        }
        return new LocalSelection(selection.outcome(), chosen, selection.confirmed(), possible, disagreeing);
    }

    private static List<LinkageTokenKind> sorted(Set<LinkageTokenKind> kinds) {
        return kinds.stream().sorted().toList();
    }

    private static MatchStrength strengthOf(Relation relation) {
        return relation == Relation.EXACT ? MatchStrength.MATCH_STRENGTH_EXACT : MatchStrength.MATCH_STRENGTH_STRONG;
    }
}
