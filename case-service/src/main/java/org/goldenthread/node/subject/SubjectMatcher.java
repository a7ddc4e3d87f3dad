package org.goldenthread.node.subject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.springframework.stereotype.Component;

/**
 * Finds the local persons a set of linkage tokens identifies. A token matches only when kind, key
 * id and value are all equal: the same value under another kind or key is a different identifier.
 */
@Component
public class SubjectMatcher {

    private final SubjectStore subjects;

    public SubjectMatcher(SubjectStore subjects) {
        this.subjects = subjects;
    }

    /** Every local person sharing at least one token, strongest match first. */
    public List<LocalMatch> match(Collection<LinkageToken> requestTokens) {
        Set<String> wanted = new HashSet<>();
        requestTokens.forEach(t -> wanted.add(key(t)));
        List<LocalMatch> matches = new ArrayList<>();
        for (Subject subject : subjects.withAnyToken(requestTokens)) {
            List<LinkageTokenKind> kinds = subject.tokens().stream()
                    .filter(t -> wanted.contains(key(t)))
                    .map(LinkageToken::getKind)
                    .distinct()
                    .sorted()
                    .toList();
            if (kinds.isEmpty()) {
                continue;
            }
            MatchStrength best = kinds.stream().map(LinkageTokens::strengthOf)
                    .max(Comparator.comparingInt(MatchStrength::getNumber))
                    .orElse(MatchStrength.MATCH_STRENGTH_UNSPECIFIED);
            matches.add(new LocalMatch(subject, kinds, best));
        }
        matches.sort(Comparator.comparingInt((LocalMatch m) -> -m.strength().getNumber())
                .thenComparing(m -> m.subject().id()));
        return List.copyOf(matches);
    }

    private static String key(LinkageToken t) {
        return SubjectStore.key(t);
    }
}
