package org.goldenthread.gateway.federation;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.StatusRuntimeException;
import java.time.Duration;

/** What one node said to one call: the status, the answer when there is one, how long it took. */
record NodeReply<T>(String agency, AgencyStatus status, String reason, T value, Duration latency) {

    /** The status a failed call stands for; the reason is readable and holds no personal data. */
    static <T> NodeReply<T> failed(String agency, Throwable error, Duration latency) {
        if (error instanceof CallNotPermittedException) {
            return new NodeReply<>(agency, AgencyStatus.CIRCUIT_OPEN, "node failing recently; not asked", null, latency);
        }
        if (error instanceof BulkheadFullException) {
            return new NodeReply<>(agency, AgencyStatus.CIRCUIT_OPEN, "too many calls in flight to this node", null, latency);
        }
        if (error instanceof StatusRuntimeException sre) {
            return switch (sre.getStatus().getCode()) {
                case DEADLINE_EXCEEDED -> new NodeReply<>(agency, AgencyStatus.TIMEOUT, "no answer within the deadline", null, latency);
                case UNAVAILABLE -> new NodeReply<>(agency, AgencyStatus.UNAVAILABLE, "node unreachable", null, latency);
                case UNAUTHENTICATED, PERMISSION_DENIED ->
                        new NodeReply<>(agency, AgencyStatus.ERROR, "node refused the grant", null, latency);
                default -> new NodeReply<>(agency, AgencyStatus.ERROR, "node error " + sre.getStatus().getCode(), null, latency);
            };
        }
        return new NodeReply<>(agency, AgencyStatus.ERROR, "node call failed", null, latency);
    }
}
