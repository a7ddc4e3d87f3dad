package org.goldenthread.gateway.federation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.goldenthread.gateway.GatewayProperties;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.goldenthread.proto.node.v1.AggregateResponse;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Calls one node for one request: async gRPC stub (no thread waits), that agency's own grant and
 * the request id in metadata, a deadline, and per-node circuit breaker and bulkhead (YAML configs {@code node}).
 * Never retried. Every outcome, failure included, becomes a {@link NodeAnswer}: one node can
 * never fail the whole view.
 */
@Component
class NodeCaller {

    static final Metadata.Key<String> GRANT = Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final NodeChannels channels;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final MeterRegistry meters;
    private final Duration deadline;
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    NodeCaller(NodeChannels channels, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
            MeterRegistry meters, GatewayProperties properties) {
        this.channels = channels;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.meters = meters;
        this.deadline = properties.nodeDeadline();
    }

    /**
     * GetSubjectRecord: the subject's records within the agency's own grant, with the key-worker's
     * confirmation of a POSSIBLE match when the request carries one ({@code confirmed_match}).
     */
    Mono<NodeReply<GetSubjectRecordResponse>> subjectRecord(Agency agency, GetSubjectRecordRequest request,
            String grant, String requestId) {
        boolean confirmed = !request.getConfirmedMatch().isEmpty();
        return call("GetSubjectRecord", agency, grant, requestId, (stub, answer) -> stub.getSubjectRecord(request, answer),
                r -> MatchReading.of(agency.name(), r.getMatchesList(), confirmed).status());
    }

    /** MatchSubject: whether the node knows the subject, with INVOLVEMENT facts when granted. */
    Mono<NodeReply<MatchSubjectResponse>> matchSubject(Agency agency, MatchSubjectRequest request,
            String grant, String requestId) {
        return call("MatchSubject", agency, grant, requestId, (stub, answer) -> stub.matchSubject(request, answer),
                r -> MatchReading.of(agency.name(), r.getMatchesList(), false).status());
    }

    /** Aggregate: counts over the node's records within an aggregate grant (small groups left out, the rest rounded). */
    Mono<NodeReply<AggregateResponse>> aggregate(Agency agency, AggregateRequest request, String grant, String requestId) {
        return call("Aggregate", agency, grant, requestId, (stub, answer) -> stub.aggregate(request, answer),
                r -> AgencyStatus.OK);
    }

    private <R> Mono<NodeReply<R>> call(String operation, Agency node, String grant, String requestId,
            Rpc<R> rpc, Function<R, AgencyStatus> status) {
        String agency = node.id();
        CircuitBreaker breaker = breakers.circuitBreaker("node-" + agency, "node");
        Bulkhead bulkhead = bulkheads.bulkhead("node-" + agency, "node");
        Metadata headers = new Metadata();
        headers.put(GRANT, grant);
        headers.put(REQUEST_ID, requestId);
        long started = System.nanoTime();
        return Mono.<R>create(sink -> {
                    Context.CancellableContext call = Context.current().withCancellation();
                    sink.onDispose(() -> call.cancel(null));
                    call.run(() -> rpc.invoke(CaseNodeGrpc.newStub(channels.channelFor(node))
                            .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)), new StreamObserver<>() {
                                @Override
                                public void onNext(R value) {
                                    sink.success(value);
                                }

                                @Override
                                public void onError(Throwable error) {
                                    sink.error(error);
                                }

                                @Override
                                public void onCompleted() {
                                    sink.success();
                                }
                            }));
                })
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .map(value -> new NodeReply<>(agency, status.apply(value), null, null, value, since(started)))
                .onErrorResume(error -> Mono.just(NodeReply.<R>failed(agency, error, since(started))))
                .doOnNext(reply -> record(operation, reply));
    }

    private void record(String operation, NodeReply<?> reply) {
        // Looked up once per (operation, agency, status), not built and registered on every call.
        timers.computeIfAbsent(operation + '|' + reply.agency() + '|' + reply.status(), key ->
                        Timer.builder("goldenthread.federation.node.latency")
                                .description("Latency of one federation call to one node")
                                .tag("operation", operation)
                                .tag("agency", reply.agency())
                                .tag("status", reply.status().name())
                                .publishPercentileHistogram()
                                .register(meters))
                .record(reply.latency());
    }

    /** One RPC of the async stub. */
    @FunctionalInterface
    private interface Rpc<R> {
        void invoke(CaseNodeGrpc.CaseNodeStub stub, StreamObserver<R> answer);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
