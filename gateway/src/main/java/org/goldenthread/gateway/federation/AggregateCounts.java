package org.goldenthread.gateway.federation;

import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.gateway.consent.Decision.AgencyDecision;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.node.v1.AggregateMetric;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.goldenthread.proto.node.v1.AggregateResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts across agencies for outcomes and dashboards (purpose OUTCOME_EVIDENCE): one aggregate
 * decision, which names no one and rests on agreements alone, then every permitted node asked in
 * parallel for its counts over the categories its agreement gives. Nodes suppress counts from 1
 * to 4; the gateway passes that on and never adds suppressed counts into a total, so no one can
 * be singled out by subtraction.
 */
@Component
public class AggregateCounts {

    static final String PURPOSE = "OUTCOME_EVIDENCE";
    private static final String METRIC_PREFIX = "AGGREGATE_METRIC_";

    private final FederationEngine engine;
    private final NodeCaller nodes;

    AggregateCounts(FederationEngine engine, NodeCaller nodes) {
        this.engine = engine;
        this.nodes = nodes;
    }

    public Mono<AggregateView> count(AggregateQuery query, Jwt user) {
        AggregateRequest ask = request(query);
        return engine.decideAggregate(user, query.agencies(), query.categories())
                .flatMap(decided -> engine.fanOut(user, "aggregate", decided,
                        agency -> nodes.aggregate(agency, ask, decided.grantFor(agency.id()), decided.requestId()),
                        replies -> assemble(ask.getMetric(), decided, replies),
                        view -> view.agencies().stream().collect(Collectors.toMap(AggregateView.AgencyCounts::agency,
                                AggregateView.AgencyCounts::status, (a, b) -> a, LinkedHashMap::new))));
    }

    private static AggregateRequest request(AggregateQuery query) {
        AggregateMetric metric;
        try {
            metric = AggregateMetric.valueOf(METRIC_PREFIX + query.metric().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            metric = AggregateMetric.AGGREGATE_METRIC_UNSPECIFIED;
        }
        if (metric == AggregateMetric.AGGREGATE_METRIC_UNSPECIFIED || metric == AggregateMetric.UNRECOGNIZED) {
            throw RequestRejectedException.invalid("metric", "must be one of OPEN_CASES, CASES_BY_RAG, SUBJECTS_BY_NEED");
        }
        if (query.openedFrom() != null && query.openedTo() != null && !query.openedFrom().isBefore(query.openedTo())) {
            throw RequestRejectedException.invalid("openedTo", "must be after openedFrom");
        }
        AggregateRequest.Builder ask = AggregateRequest.newBuilder().setMetric(metric).addAllCaseTypes(query.caseTypes());
        if (query.openedFrom() != null) {
            ask.setOpenedFrom(timestamp(query.openedFrom(), "openedFrom"));
        }
        if (query.openedTo() != null) {
            ask.setOpenedTo(timestamp(query.openedTo(), "openedTo"));
        }
        return ask.build();
    }

    /** protobuf-java-util's conversion, which refuses instants a Timestamp cannot hold (before year 1, after 9999). */
    private static com.google.protobuf.Timestamp timestamp(Instant instant, String field) {
        try {
            return Timestamps.fromMillis(instant.toEpochMilli());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw RequestRejectedException.invalid(field, "must be a date between the years 1 and 9999");
        }
    }

    private static AggregateView assemble(AggregateMetric metric, FederationEngine.Decided decided,
            List<NodeReply<AggregateResponse>> replies) {
        Map<String, NodeReply<AggregateResponse>> byAgency = replies.stream()
                .collect(Collectors.toMap(NodeReply::agency, Function.identity()));
        List<AggregateView.AgencyCounts> agencies = new ArrayList<>();
        for (Agency agency : decided.candidates()) {
            NodeReply<AggregateResponse> reply = byAgency.get(agency.id());
            AgencyDecision outcome = decided.outcomes().get(agency.id());
            if (reply == null) {
                agencies.add(new AggregateView.AgencyCounts(agency.id(), agency.name(), AgencyStatus.NOT_PERMITTED,
                        decided.notAskedReason(agency.id()), List.of(), List.of(), null));
                continue;
            }
            List<AggregateView.Bucket> buckets = reply.value() == null ? List.of() : reply.value().getBucketsList().stream()
                    .map(b -> new AggregateView.Bucket(b.getKey(), b.getSuppressed() ? null : b.getCount(), b.getSuppressed()))
                    .toList();
            // A node answering counts holds records whether or not any bucket is non-empty: OK, not NO_RECORD.
            AgencyStatus status = reply.status() == AgencyStatus.NO_RECORD ? AgencyStatus.OK : reply.status();
            agencies.add(new AggregateView.AgencyCounts(agency.id(), agency.name(), status, reply.reason(),
                    outcome.categories(), buckets, reply.latency().toMillis()));
        }
        return new AggregateView(decided.requestId(), decided.decision().decisionId(),
                metric.name().substring(METRIC_PREFIX.length()), totals(agencies), List.copyOf(agencies));
    }

    /** Per key, the sum over the agencies that answered; suppressed when any part is. */
    private static List<AggregateView.Bucket> totals(List<AggregateView.AgencyCounts> agencies) {
        Map<String, Long> sums = new TreeMap<>();
        Set<String> suppressed = new HashSet<>();
        for (AggregateView.AgencyCounts agency : agencies) {
            for (AggregateView.Bucket bucket : agency.buckets()) {
                sums.merge(bucket.key(), bucket.suppressed() ? 0L : bucket.count(), Long::sum);
                if (bucket.suppressed()) {
                    suppressed.add(bucket.key());
                }
            }
        }
        return sums.entrySet().stream().map(e -> suppressed.contains(e.getKey())
                ? new AggregateView.Bucket(e.getKey(), null, true)
                : new AggregateView.Bucket(e.getKey(), e.getValue(), false)).toList();
    }
}
