package org.goldenthread.gateway.federation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.goldenthread.gateway.GatewayProperties;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Calls one node for one request: async gRPC stub (no thread waits), the grant and request id
 * in metadata, a deadline, and per-node circuit breaker and bulkhead (YAML configs {@code node}).
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

    NodeCaller(NodeChannels channels, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
            MeterRegistry meters, GatewayProperties properties) {
        this.channels = channels;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.meters = meters;
        this.deadline = properties.nodeDeadline();
    }

    Mono<NodeAnswer> subjectRecord(String agency, String grpcTarget, GetSubjectRecordRequest request,
            String grant, String requestId) {
        CircuitBreaker breaker = breakers.circuitBreaker("node-" + agency, "node");
        Bulkhead bulkhead = bulkheads.bulkhead("node-" + agency, "node");
        Metadata headers = new Metadata();
        headers.put(GRANT, grant);
        headers.put(REQUEST_ID, requestId);
        long started = System.nanoTime();
        return Mono.<GetSubjectRecordResponse>create(sink -> {
                    Context.CancellableContext call = Context.current().withCancellation();
                    sink.onDispose(() -> call.cancel(null));
                    call.run(() -> CaseNodeGrpc.newStub(channels.channelFor(grpcTarget))
                            .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                            .getSubjectRecord(request, new StreamObserver<>() {
                                @Override
                                public void onNext(GetSubjectRecordResponse value) {
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
                .map(record -> answered(agency, record, started))
                .onErrorResume(error -> Mono.just(failed(agency, error, started)))
                .doOnNext(this::record);
    }

    private static NodeAnswer answered(String agency, GetSubjectRecordResponse record, long started) {
        AgencyStatus status = record.getMatchesCount() == 0 ? AgencyStatus.NO_RECORD : AgencyStatus.OK;
        return new NodeAnswer(agency, status, null, record, since(started));
    }

    private static NodeAnswer failed(String agency, Throwable error, long started) {
        if (error instanceof CallNotPermittedException) {
            return new NodeAnswer(agency, AgencyStatus.CIRCUIT_OPEN, "node failing recently; not asked", null, since(started));
        }
        if (error instanceof BulkheadFullException) {
            return new NodeAnswer(agency, AgencyStatus.CIRCUIT_OPEN, "too many calls in flight to this node", null, since(started));
        }
        if (error instanceof StatusRuntimeException sre) {
            return switch (sre.getStatus().getCode()) {
                case DEADLINE_EXCEEDED -> new NodeAnswer(agency, AgencyStatus.TIMEOUT, "no answer within the deadline", null, since(started));
                case UNAVAILABLE -> new NodeAnswer(agency, AgencyStatus.UNAVAILABLE, "node unreachable", null, since(started));
                case UNAUTHENTICATED, PERMISSION_DENIED ->
                        new NodeAnswer(agency, AgencyStatus.ERROR, "node refused the grant", null, since(started));
                default -> new NodeAnswer(agency, AgencyStatus.ERROR, "node error " + sre.getStatus().getCode(), null, since(started));
            };
        }
        return new NodeAnswer(agency, AgencyStatus.ERROR, "node call failed", null, since(started));
    }

    private void record(NodeAnswer answer) {
        Timer.builder("goldenthread.federation.node.latency")
                .description("Latency of one federation call to one node")
                .tag("agency", answer.agency())
                .tag("status", answer.status().name())
                .publishPercentileHistogram()
                .register(meters)
                .record(answer.latency());
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
