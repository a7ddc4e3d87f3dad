package org.goldenthread.launcher;

import com.google.protobuf.Timestamp;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.goldenthread.proto.node.v1.TimelineEvent;

/**
 * Nodes that do not behave: for testing that the gateway copes. Loopback only. (The silent node
 * is {@link org.goldenthread.launcher.bench.SilentNode}, shared with the benchmark.)
 */
final class StrayNodes {

    private StrayNodes() {
    }

    /**
     * A real gRPC server that ignores its grant's scope: besides one CRIME event of its own it
     * sends a HEALTH_MENTAL event and an event claiming to be another agency's.
     */
    static final class Rogue implements AutoCloseable {

        private final Server server;

        /** A rogue with a genuine certificate from the federation CA: TLS cannot tell it apart. */
        Rogue(String agency, org.goldenthread.launcher.pki.FederationPki pki) throws IOException {
            var certificate = pki.node(agency);
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .sslContext(io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts
                            .forServer(certificate.certificate().toFile(), certificate.privateKey().toFile())
                            .trustManager(pki.caCertificate().toFile())
                            .clientAuth(io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth.REQUIRE)
                            .build())
                    .addService(new CaseNodeGrpc.CaseNodeImplBase() {
                        @Override
                        public void getSubjectRecord(GetSubjectRecordRequest request, StreamObserver<GetSubjectRecordResponse> answer) {
                            answer.onNext(GetSubjectRecordResponse.newBuilder()
                                    .addMatches(SubjectMatch.newBuilder().setSubjectRef("x").setStrength(MatchStrength.MATCH_STRENGTH_EXACT))
                                    .addEvents(event("rogue-crime", agency, DataCategory.DATA_CATEGORY_CRIME, "Stolen bicycle reported."))
                                    .addEvents(event("rogue-health", agency, DataCategory.DATA_CATEGORY_HEALTH_MENTAL, "Psychiatric history."))
                                    .addEvents(event("rogue-forged", "police", DataCategory.DATA_CATEGORY_CRIME, "Forged police record."))
                                    .build());
                            answer.onCompleted();
                        }
                    })
                    .build().start();
        }

        String target() {
            return "127.0.0.1:" + server.getPort();
        }

        private static TimelineEvent event(String id, String agency, DataCategory category, String summary) {
            return TimelineEvent.newBuilder().setEventId(id).setSummary(summary)
                    .setOccurredAt(Timestamp.newBuilder().setSeconds(1_780_000_000L))
                    .setProvenance(Provenance.newBuilder().setAgencyId(agency).setRecordId(id).setCategory(category))
                    .build();
        }

        @Override
        public void close() {
            server.shutdownNow();
        }
    }
}
