package org.goldenthread.gateway;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.goldenthread.proto.node.v1.AggregateResponse;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;

/**
 * A real gRPC server on loopback standing in for an agency node: answers what the test sets (a
 * record, matches, or a refusal with a {@code google.rpc.ErrorInfo} as case-service sends them) and
 * keeps what it was sent: the grant in metadata and each request.
 */
final class FakeNode implements AutoCloseable {

    private static final Metadata.Key<String> GRANT = Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER);

    final List<String> grants = new CopyOnWriteArrayList<>();
    final List<GetSubjectRecordRequest> recordRequests = new CopyOnWriteArrayList<>();
    final List<MatchSubjectRequest> matchRequests = new CopyOnWriteArrayList<>();
    final List<AggregateRequest> aggregateRequests = new CopyOnWriteArrayList<>();
    private volatile AggregateResponse counts = AggregateResponse.getDefaultInstance();
    private volatile GetSubjectRecordResponse record = GetSubjectRecordResponse.getDefaultInstance();
    private volatile MatchSubjectResponse matches = MatchSubjectResponse.getDefaultInstance();
    private volatile StatusRuntimeException refusal;
    private final Server server;

    FakeNode() throws IOException {
        CaseNodeGrpc.CaseNodeImplBase node = new CaseNodeGrpc.CaseNodeImplBase() {
            @Override
            public void getSubjectRecord(GetSubjectRecordRequest request, StreamObserver<GetSubjectRecordResponse> answer) {
                recordRequests.add(request);
                respond(answer, record);
            }

            @Override
            public void aggregate(AggregateRequest request, StreamObserver<AggregateResponse> answer) {
                aggregateRequests.add(request);
                respond(answer, counts);
            }

            @Override
            public void matchSubject(MatchSubjectRequest request, StreamObserver<MatchSubjectResponse> answer) {
                matchRequests.add(request);
                respond(answer, matches);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(node, new io.grpc.ServerInterceptor() {
                    @Override
                    public <Q, A> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, A> call, Metadata headers,
                            io.grpc.ServerCallHandler<Q, A> next) {
                        grants.add(String.valueOf(headers.get(GRANT)));
                        return next.startCall(call, headers);
                    }
                }))
                .build().start();
    }

    String target() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Answers GetSubjectRecord with this record from now on, and forgets what it was sent. */
    void answers(GetSubjectRecordResponse response) {
        reset();
        record = response;
    }

    /** Answers MatchSubject with these matches from now on. */
    void matches(MatchSubjectResponse response) {
        reset();
        matches = response;
    }

    /** Answers Aggregate with these counts from now on (and the other calls as after a reset). */
    void counts(AggregateResponse response) {
        reset();
        aggregateRequests.clear();
        counts = response;
    }

    /** Refuses every call with this status and an ErrorInfo of domain goldenthread.org. */
    void refuses(Status.Code code, String reason) {
        reset();
        refusal = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage("refused")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("goldenthread.org").build()))
                .build());
    }

    /** Fails every call with a bare status, as a broken node would. */
    void fails(Status status) {
        reset();
        refusal = status.asRuntimeException();
    }

    private void reset() {
        refusal = null;
        record = GetSubjectRecordResponse.getDefaultInstance();
        matches = MatchSubjectResponse.getDefaultInstance();
        grants.clear();
        recordRequests.clear();
        matchRequests.clear();
    }

    private <T> void respond(StreamObserver<T> answer, T value) {
        StatusRuntimeException refused = refusal;
        if (refused != null) {
            answer.onError(refused);
            return;
        }
        answer.onNext(value);
        answer.onCompleted();
    }

    int calls() {
        return grants.size();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
