package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.casework.CaseTally;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.AggregateBucket;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.goldenthread.proto.node.v1.AggregateResponse;
import org.springframework.stereotype.Component;

/**
 * Aggregate: counts of open cases for purpose OUTCOME_EVIDENCE only, over the cases whose category
 * the grant gives this agency. The grant names no person, so its subject digest is not compared.
 * Small numbers are suppressed (ONS / NHS Digital practice): a count from 1 to 4 goes out as
 * {@code suppressed = true, count = 0}, so no one can be singled out by a dashboard.
 */
@Component
class AggregateHandler {

    static final int SMALLEST_RELEASED = 5;
    private static final int MAX_CASE_TYPES = 50;

    private final FederationCalls calls;
    private final CaseTally tally;
    private final String agencyId;

    AggregateHandler(FederationCalls calls, CaseTally tally, NodeProperties node) {
        this.calls = calls;
        this.tally = tally;
        this.agencyId = node.agencyId();
    }

    void handle(AggregateRequest request, StreamObserver<AggregateResponse> out) {
        calls.serveWithoutSubject("Aggregate", Purpose.PURPOSE_OUTCOME_EVIDENCE, out, grant -> {
            CaseTally.Grouping grouping = grouping(request);
            Set<DataCategory> scope = grant.scopeOf(agencyId);
            Map<String, Long> counts = tally.count(grouping, filter(request, scope));
            AggregateResponse.Builder response = AggregateResponse.newBuilder();
            counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> response.addBuckets(bucket(e.getKey(), e.getValue())));
            return new Release<>(response.build(), List.copyOf(scope), List.of("aggregate/" + request.getMetric().name()));
        });
    }

    static AggregateBucket bucket(String key, long count) {
        boolean suppressed = count > 0 && count < SMALLEST_RELEASED;
        return AggregateBucket.newBuilder().setKey(key).setCount(suppressed ? 0 : count).setSuppressed(suppressed).build();
    }

    private static CaseTally.Grouping grouping(AggregateRequest request) throws FederationRefusal {
        return switch (request.getMetric()) {
            case AGGREGATE_METRIC_OPEN_CASES -> CaseTally.Grouping.CASE_TYPE;
            case AGGREGATE_METRIC_CASES_BY_RAG -> CaseTally.Grouping.RAG;
            case AGGREGATE_METRIC_SUBJECTS_BY_NEED -> CaseTally.Grouping.NEED;
            default -> throw FederationRefusal.invalidArgument("BAD_METRIC", "metric must be a known aggregate metric");
        };
    }

    private static CaseTally.Filter filter(AggregateRequest request, Set<DataCategory> scope) throws FederationRefusal {
        if (request.getCaseTypesCount() > MAX_CASE_TYPES
                || request.getCaseTypesList().stream().anyMatch(t -> t.isBlank() || t.length() > 100)) {
            throw FederationRefusal.invalidArgument("BAD_CASE_TYPES", "at most 50 case types of 1-100 characters");
        }
        Instant from = request.hasOpenedFrom() ? RecordMapping.instant(request.getOpenedFrom()) : null;
        Instant to = request.hasOpenedTo() ? RecordMapping.instant(request.getOpenedTo()) : null;
        return new CaseTally.Filter(from, to, Set.copyOf(request.getCaseTypesList()), scope);
    }
}
