package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.goldenthread.proto.node.v1.AggregateResponse;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetAccessLogRequest;
import org.goldenthread.proto.node.v1.GetAccessLogResponse;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.goldenthread.proto.node.v1.SubmitReferralRequest;
import org.goldenthread.proto.node.v1.SubmitReferralResponse;
import org.goldenthread.proto.node.v1.UpdateReferralRequest;
import org.goldenthread.proto.node.v1.UpdateReferralResponse;
import org.springframework.stereotype.Component;

/** {@code goldenthread.node.v1.CaseNode}, thin: one handler per RPC. */
@Component
class CaseNodeService extends CaseNodeGrpc.CaseNodeImplBase {

    private final MatchSubjectHandler matchSubject;
    private final GetSubjectRecordHandler getSubjectRecord;
    private final GetAccessLogHandler getAccessLog;
    private final AggregateHandler aggregate;
    private final SubmitReferralHandler submitReferral;
    private final UpdateReferralHandler updateReferral;

    CaseNodeService(MatchSubjectHandler matchSubject, GetSubjectRecordHandler getSubjectRecord,
            GetAccessLogHandler getAccessLog, AggregateHandler aggregate, SubmitReferralHandler submitReferral,
            UpdateReferralHandler updateReferral) {
        this.submitReferral = submitReferral;
        this.updateReferral = updateReferral;
        this.matchSubject = matchSubject;
        this.getSubjectRecord = getSubjectRecord;
        this.getAccessLog = getAccessLog;
        this.aggregate = aggregate;
    }

    @Override
    public void submitReferral(SubmitReferralRequest request, StreamObserver<SubmitReferralResponse> out) {
        submitReferral.handle(request, out);
    }

    @Override
    public void updateReferral(UpdateReferralRequest request, StreamObserver<UpdateReferralResponse> out) {
        updateReferral.handle(request, out);
    }

    @Override
    public void aggregate(AggregateRequest request, StreamObserver<AggregateResponse> out) {
        aggregate.handle(request, out);
    }

    @Override
    public void matchSubject(MatchSubjectRequest request, StreamObserver<MatchSubjectResponse> out) {
        matchSubject.handle(request, out);
    }

    @Override
    public void getSubjectRecord(GetSubjectRecordRequest request, StreamObserver<GetSubjectRecordResponse> out) {
        getSubjectRecord.handle(request, out);
    }

    @Override
    public void getAccessLog(GetAccessLogRequest request, StreamObserver<GetAccessLogResponse> out) {
        getAccessLog.handle(request, out);
    }
}
