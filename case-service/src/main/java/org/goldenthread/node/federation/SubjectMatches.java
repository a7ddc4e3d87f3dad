package org.goldenthread.node.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.subject.LocalMatch;
import org.goldenthread.proto.node.v1.SubjectMatch;

/** Local matches as federation messages, with the known-to facts only when they may be released. */
final class SubjectMatches {

    private SubjectMatches() {
    }

    /**
     * @param casesBySubject every case per matched subject id; consulted only with {@code withInvolvement}
     * @param factsShown the cases whose lead worker, team and contact the known-to facts may show
     * @param confirmationRef the reference to hand out with a match; empty for none
     * @param recordIds collects the ids of what is released
     */
    static List<SubjectMatch> of(List<LocalMatch> matches, boolean withInvolvement,
            Map<String, List<CaseFile>> casesBySubject, Predicate<CaseFile> factsShown,
            Function<LocalMatch, String> confirmationRef, List<String> recordIds) {
        List<SubjectMatch> out = new ArrayList<>(matches.size());
        for (LocalMatch match : matches) {
            String id = match.subject().id();
            SubjectMatch.Builder m = SubjectMatch.newBuilder()
                    .setSubjectRef(id)
                    .setStrength(match.strength())
                    .addAllMatchedKinds(match.kinds())
                    .setConfirmationRef(confirmationRef.apply(match));
            recordIds.add(id);
            if (withInvolvement) {
                List<CaseFile> cases = casesBySubject.getOrDefault(id, List.of());
                m.setInvolvement(KnownTo.of(cases, factsShown));
                recordIds.addAll(KnownTo.recordIds(cases));
            }
            out.add(m.build());
        }
        return out;
    }
}
