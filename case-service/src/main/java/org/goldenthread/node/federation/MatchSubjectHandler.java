package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import java.util.List;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.subject.LocalSelection;
import org.goldenthread.node.subject.SubjectMatcher;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.springframework.stereotype.Component;

/**
 * MatchSubject: whether the node holds the person, how strongly the tokens match and the known-to
 * facts, all of which are INVOLVEMENT: so only under a grant whose scope for this agency holds
 * INVOLVEMENT (any other grant could otherwise learn whether someone is known here). One person or
 * nothing ({@link OnePersonRule}); POSSIBLE matches come with a confirmation reference. The lead
 * worker, team and contact of a case in a sensitive category only where the scope covers it
 * ({@link SensitiveCategories}).
 */
@Component
class MatchSubjectHandler {

    private final FederationCalls calls;
    private final SubjectMatcher matcher;
    private final MatchAnswers answers;
    private final String agencyId;

    MatchSubjectHandler(FederationCalls calls, SubjectMatcher matcher, MatchAnswers answers, NodeProperties node) {
        this.calls = calls;
        this.matcher = matcher;
        this.answers = answers;
        this.agencyId = node.agencyId();
    }

    void handle(MatchSubjectRequest request, StreamObserver<MatchSubjectResponse> out) {
        calls.serve("MatchSubject", request.getTokensList(), List.of(), out, grant -> {
            if (!grant.scopeOf(agencyId).contains(DataCategory.DATA_CATEGORY_INVOLVEMENT)) {
                throw FederationRefusal.permissionDenied("CATEGORY_NOT_GRANTED",
                        "MatchSubject answers only under a grant covering INVOLVEMENT for this agency", grant);
            }
            LocalSelection selection = OnePersonRule.require(
                    matcher.select(request.getTokensList(), grant.anchors(), grant.basisIdentity(), null), grant);
            var persons = MatchAnswers.personsOf(selection);
            MatchAnswers.Answer answer = answers.answer(selection, true, RecordCategories.factsScope(grant, agencyId),
                    answers.casesOf(persons), grant, null);
            return new Release<>(MatchSubjectResponse.newBuilder().addAllMatches(answer.matches()).build(),
                    persons.isEmpty() ? List.of() : List.of(DataCategory.DATA_CATEGORY_INVOLVEMENT),
                    answer.recordIds(), answer.persons());
        });
    }
}
