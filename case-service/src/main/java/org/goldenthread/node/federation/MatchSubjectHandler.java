package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.subject.LocalMatch;
import org.goldenthread.node.subject.SubjectMatcher;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.springframework.stereotype.Component;

/**
 * MatchSubject: any genuine grant for this agency and subject may learn whether the node holds the
 * person and how strongly the tokens match; the known-to facts come only under INVOLVEMENT.
 */
@Component
class MatchSubjectHandler {

    private final FederationCalls calls;
    private final SubjectMatcher matcher;
    private final CaseStore cases;
    private final String agencyId;

    MatchSubjectHandler(FederationCalls calls, SubjectMatcher matcher, CaseStore cases, NodeProperties node) {
        this.calls = calls;
        this.matcher = matcher;
        this.cases = cases;
        this.agencyId = node.agencyId();
    }

    void handle(MatchSubjectRequest request, StreamObserver<MatchSubjectResponse> out) {
        calls.serve("MatchSubject", request.getTokensList(), List.of(), out, grant -> {
            boolean involvement = grant.scopeOf(agencyId).contains(DataCategory.DATA_CATEGORY_INVOLVEMENT);
            List<LocalMatch> matches = matcher.match(request.getTokensList());
            Map<String, List<CaseFile>> bySubject = involvement && !matches.isEmpty()
                    ? cases.about(matches.stream().map(m -> m.subject().id()).toList()).stream()
                            .collect(Collectors.groupingBy(CaseFile::subjectId))
                    : Map.of();
            List<String> recordIds = new ArrayList<>();
            MatchSubjectResponse response = MatchSubjectResponse.newBuilder()
                    .addAllMatches(SubjectMatches.of(matches, involvement, bySubject, recordIds))
                    .build();
            return new Release<>(response,
                    involvement && !matches.isEmpty() ? List.of(DataCategory.DATA_CATEGORY_INVOLVEMENT) : List.of(),
                    recordIds);
        });
    }
}
