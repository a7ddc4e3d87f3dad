package org.goldenthread.gateway.federation;

import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * decision, which names no one and rests on agreements alone (and takes one query from the user's
 * daily budget at consent-service: past it, its 429 is passed on), then every permitted node asked in
 * parallel for its counts over the categories its agreement gives. Date filters are widened to whole
 * months before they are sent, and the answer says which range applied; each node widens again
 * itself, since it cannot trust a hub to. Nodes leave out groups below their threshold, keys included,
 * and round the rest; the totals add up only what was released.
 */
@Component
public class AggregateCounts {

    static final String PURPOSE = "OUTCOME_EVIDENCE";
    private static final String METRIC_PREFIX = "AGGREGATE_METRIC_";
    /** The last second a protobuf Timestamp holds. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

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
                        replies -> assemble(ask, decided, replies),
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
            timestamp(query.openedFrom(), "openedFrom");
            ask.setOpenedFrom(timestamp(monthStart(query.openedFrom()), "openedFrom"));
        }
        if (query.openedTo() != null) {
            timestamp(query.openedTo(), "openedTo");
            Instant to = monthStart(query.openedTo());
            to = to.equals(query.openedTo()) ? to : to.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
            // Widened past 9999-12-31 (no Timestamp holds it) is the same as no upper bound: nothing opens later.
            if (!to.isAfter(LATEST)) {
                ask.setOpenedTo(timestamp(to, "openedTo"));
            }
        }
        return ask.build();
    }

    /**
     * The first instant of the instant's month, UTC: the node's own rule (case-service's OpeningMonths),
     * applied here only to say which range applied; the node widens whatever it is sent.
     */
    private static Instant monthStart(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** protobuf-java-util's conversion, which refuses instants a Timestamp cannot hold (before year 1, after 9999). */
    private static com.google.protobuf.Timestamp timestamp(Instant instant, String field) {
        try {
            return Timestamps.fromMillis(instant.toEpochMilli());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw RequestRejectedException.invalid(field, "must be a date between the years 1 and 9999");
        }
    }

    private static AggregateView assemble(AggregateRequest ask, FederationEngine.Decided decided,
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
            // A node of an earlier release still sends small groups as suppressed (count 0): their keys go no further.
            List<AggregateView.Bucket> buckets = reply.value() == null ? List.of() : reply.value().getBucketsList().stream()
                    .filter(b -> !b.getSuppressed() && b.getCount() > 0)
                    .map(b -> new AggregateView.Bucket(b.getKey(), b.getCount()))
                    .toList();
            // A node answering counts holds records whether or not any bucket is non-empty: OK, not NO_RECORD.
            AgencyStatus status = reply.status() == AgencyStatus.NO_RECORD ? AgencyStatus.OK : reply.status();
            agencies.add(new AggregateView.AgencyCounts(agency.id(), agency.name(), status, reply.reason(),
                    outcome.categories(), buckets, reply.latency().toMillis()));
        }
        return new AggregateView(decided.requestId(), decided.decision().decisionId(),
                ask.getMetric().name().substring(METRIC_PREFIX.length()),
                ask.hasOpenedFrom() ? instant(ask.getOpenedFrom()) : null, ask.hasOpenedTo() ? instant(ask.getOpenedTo()) : null,
                totals(agencies), List.copyOf(agencies));
    }

    private static Instant instant(com.google.protobuf.Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /**
     * Per key, the sum of the released counts of the agencies that answered. An agency without the key
     * released nothing under it (none, or too few to show), so it adds nothing: the total is a sum of
     * rounded counts, never of withheld ones.
     */
    private static List<AggregateView.Bucket> totals(List<AggregateView.AgencyCounts> agencies) {
        Map<String, Long> sums = new TreeMap<>();
        agencies.forEach(agency -> agency.buckets().forEach(b -> sums.merge(b.key(), b.count(), Long::sum)));
        return sums.entrySet().stream().map(e -> new AggregateView.Bucket(e.getKey(), e.getValue())).toList();
    }
}
