package org.goldenthread.node.federation;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.aggregate.CountDisclosure;
import org.goldenthread.node.aggregate.OpeningMonths;
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
 * Counts are made to survive differencing ({@link CountDisclosure}, {@link OpeningMonths}): date
 * filters widened to whole months, groups below the threshold left out with their keys, released
 * counts rounded. No bucket is ever sent with {@code suppressed = true}: a withheld group is absent,
 * exactly as an empty one is.
 */
@Component
class AggregateHandler {

    private static final int MAX_CASE_TYPES = 50;

    private final FederationCalls calls;
    private final CaseTally tally;
    private final CountDisclosure disclosure;
    private final String agencyId;

    AggregateHandler(FederationCalls calls, CaseTally tally, CountDisclosure disclosure, NodeProperties node) {
        this.calls = calls;
        this.tally = tally;
        this.disclosure = disclosure;
        this.agencyId = node.agencyId();
    }

    void handle(AggregateRequest request, StreamObserver<AggregateResponse> out) {
        calls.serveWithoutSubject("Aggregate", Purpose.PURPOSE_OUTCOME_EVIDENCE, out, grant -> {
            Set<DataCategory> scope = grant.scopeOf(agencyId);
            AggregateResponse.Builder response = AggregateResponse.newBuilder();
            released(request, scope, tally::count, disclosure).forEach((key, count) ->
                    response.addBuckets(AggregateBucket.newBuilder().setKey(key).setCount(count)));
            return new Release<>(response.build(), List.copyOf(scope), List.of("aggregate/" + request.getMetric().name()));
        });
    }

    /**
     * The whole rule from request to answer, whatever cases {@code counting} counts over: the one path
     * the handler takes, and the one the differencing property test drives over random populations.
     */
    static Map<String, Long> released(AggregateRequest request, Set<DataCategory> scope, CaseTally.Counting counting,
            CountDisclosure disclosure) throws FederationRefusal {
        return disclosure.release(counting.count(grouping(request), filter(request, scope)));
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
        Instant from = request.hasOpenedFrom() ? widened(request.getOpenedFrom(), OpeningMonths::from) : null;
        Instant to = request.hasOpenedTo() ? widened(request.getOpenedTo(), OpeningMonths::to) : null;
        if (from != null && to != null && !from.isBefore(to)) {
            throw FederationRefusal.invalidArgument("BAD_DATE_RANGE", "opened_to must be after opened_from");
        }
        return new CaseTally.Filter(from, to, Set.copyOf(request.getCaseTypesList()), scope);
    }

    /** A bound widened to a month boundary; an instant too far out for a calendar date is refused, not a 500. */
    private static Instant widened(Timestamp bound, UnaryOperator<Instant> toMonth) throws FederationRefusal {
        try {
            return toMonth.apply(RecordMapping.instant(bound));
        } catch (DateTimeException e) {
            throw FederationRefusal.invalidArgument("BAD_TIMESTAMP", "a timestamp is out of range");
        }
    }
}
