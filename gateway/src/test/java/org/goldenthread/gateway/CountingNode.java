package org.goldenthread.gateway;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/** A gRPC server on loopback that only counts the calls it receives (to prove none arrive). */
final class CountingNode implements AutoCloseable {

    final AtomicInteger calls = new AtomicInteger();
    private final Server server;

    CountingNode() throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new CaseNodeGrpc.CaseNodeImplBase() {
                    @Override
                    public void getSubjectRecord(GetSubjectRecordRequest request, StreamObserver<GetSubjectRecordResponse> answer) {
                        calls.incrementAndGet();
                        answer.onNext(GetSubjectRecordResponse.getDefaultInstance());
                        answer.onCompleted();
                    }
                })
                .build().start();
    }

    String target() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
