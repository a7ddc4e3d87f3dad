package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import java.util.List;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.node.audit.AccessLogSubject;
import org.goldenthread.node.audit.AuditEntry;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.node.subject.LocalMatch;
import org.goldenthread.node.subject.LocalSelection;
import org.goldenthread.node.subject.SubjectMatcher;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.AccessLogEntry;
import org.goldenthread.proto.node.v1.AccessOutcome;
import org.goldenthread.proto.node.v1.GetAccessLogRequest;
import org.goldenthread.proto.node.v1.GetAccessLogResponse;
import org.springframework.stereotype.Component;

/**
 * GetAccessLog: this node's audit entries about the subject of the request's tokens, for a
 * subject access request (UK GDPR art. 15) only; any other purpose is refused. The subject is the
 * one local person the tokens pick out ({@link OnePersonRule}), and their entries are found through
 * any of their tokens or their local id, whatever combination each call was made with; when the
 * node holds no such person, the entries whose tokens are the request's person's.
 */
@Component
class GetAccessLogHandler {

    private final FederationCalls calls;
    private final AuditLog audit;
    private final SubjectMatcher matcher;

    GetAccessLogHandler(FederationCalls calls, AuditLog audit, SubjectMatcher matcher) {
        this.calls = calls;
        this.audit = audit;
        this.matcher = matcher;
    }

    void handle(GetAccessLogRequest request, StreamObserver<GetAccessLogResponse> out) {
        calls.serve("GetAccessLog", request.getTokensList(), List.of(), out, grant -> {
            if (grant.purpose() != Purpose.PURPOSE_SUBJECT_ACCESS) {
                throw FederationRefusal.permissionDenied("WRONG_PURPOSE",
                        "the access log is released for subject access only", grant);
            }
            int size = PageTokens.size(request.getPageSize());
            long after = PageTokens.log(request.getPageToken());
            LocalSelection selection = OnePersonRule.require(
                    matcher.select(request.getTokensList(), grant.anchors(), grant.basisIdentity(), null), grant);
            // A POSSIBLE match is not the person until someone confirms it: tokens only, then.
            LocalMatch one = selection.outcome() == Outcome.ONE ? selection.chosen() : null;
            AccessLogSubject subject = one == null ? AccessLogSubject.byTokens(request.getTokensList())
                    : new AccessLogSubject(one.subject().id(), one.subject().tokens(), request.getTokensList());
            List<AuditEntry> found = audit.about(subject, after, size + 1);
            List<AuditEntry> page = found.subList(0, Math.min(size, found.size()));
            GetAccessLogResponse.Builder response = GetAccessLogResponse.newBuilder();
            page.forEach(e -> response.addEntries(entryOf(e)));
            if (found.size() > size) {
                response.setNextPageToken(PageTokens.log(page.get(page.size() - 1).sequence()));
            }
            Release.Persons persons = one == null ? Release.Persons.NOBODY : Release.Persons.selected(one);
            return new Release<>(response.build(), List.of(), page.stream().map(e -> "audit/" + e.sequence()).toList(),
                    persons);
        });
    }

    private static AccessLogEntry entryOf(AuditEntry e) {
        AccessLogEntry.Builder out = AccessLogEntry.newBuilder()
                .setSequence(e.sequence())
                .setAt(RecordMapping.timestamp(e.at()))
                .setOperation(e.operation())
                .setOutcome(e.outcome() == AuditOutcome.RELEASED
                        ? AccessOutcome.ACCESS_OUTCOME_RELEASED : AccessOutcome.ACCESS_OUTCOME_REFUSED)
                .setGrantId(e.grantId())
                .setRequester(e.requester())
                .setRequesterAgency(e.requesterAgency())
                .setPurpose(e.purpose().isEmpty() ? Purpose.PURPOSE_UNSPECIFIED : Vocabulary.purpose(e.purpose()))
                .setBasis(e.basis().isEmpty() ? LawfulBasis.LAWFUL_BASIS_UNSPECIFIED : Vocabulary.basis(e.basis()))
                .addAllRecordIds(e.recordIds())
                .setRefusalReason(e.refusalReason())
                .setRequestId(e.requestId());
        for (String category : e.categories()) {
            out.addCategories(category.isEmpty() ? DataCategory.DATA_CATEGORY_UNSPECIFIED : Vocabulary.category(category));
        }
        return out.build();
    }
}
