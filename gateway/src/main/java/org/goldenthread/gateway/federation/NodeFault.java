package org.goldenthread.gateway.federation;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which node errors count against a node's circuit breaker: the node being down, slow or broken.
 * A node refusing a grant or an argument, or refusing to release because the identifiers do not
 * settle one person (FAILED_PRECONDITION: AMBIGUOUS_SUBJECT, IDENTIFIERS_DISAGREE, NOT_ANCHORED), is
 * the node working correctly and must not open it: otherwise a few ambiguous look-ups would cut the
 * agency off from every key-worker. Named in YAML ({@code record-failure-predicate}).
 */
public class NodeFault implements Predicate<Throwable> {

    private static final Set<Status.Code> FAULTS = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.RESOURCE_EXHAUSTED, Status.Code.DATA_LOSS);

    @Override
    public boolean test(Throwable error) {
        return !(error instanceof StatusRuntimeException sre) || FAULTS.contains(sre.getStatus().getCode());
    }
}
