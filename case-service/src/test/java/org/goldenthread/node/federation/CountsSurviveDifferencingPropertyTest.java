package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.goldenthread.node.aggregate.AggregateProperties;
import org.goldenthread.node.aggregate.CountDisclosure;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.CaseState;
import org.goldenthread.node.casework.CaseTally;
import org.goldenthread.node.casework.Rag;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.node.v1.AggregateMetric;
import org.goldenthread.proto.node.v1.AggregateRequest;

/**
 * No two queries a user can make reveal a count below the threshold. Over random case populations,
 * random thresholds and rounding bases (base ≥ threshold, as the node insists), and random pairs of
 * queries where the second is nested in the first (its case types and months inside the first's: the
 * pair differencing exploits), the node's own path from request to answer
 * ({@link AggregateHandler#released}: widening to months, counting, {@link CountDisclosure}) answers
 * both, and {@link Differencing} works out what the two answers prove: never a group of 1 to
 * threshold - 1, for any key alone or for the difference. Queries carry fine dates (any second of a
 * month); the true counts come from a separate month-level model, and must lie in the intervals the
 * answers allow, so a node that did not widen, or a model that flattered the rule, fails it.
 */
class CountsSurviveDifferencingPropertyTest {

    static final YearMonth FIRST = YearMonth.of(2026, 1);
    static final int MONTHS = 6;
    static final long MONTH_SECONDS = 28L * 24 * 3600;
    static final Set<DataCategory> SCOPE = Set.of(DataCategory.DATA_CATEGORY_CRIME);
    static final List<String> TYPES = List.of("early-help", "offender", "rare");
    static final List<String> NEEDS = List.of("housing", "debt", "school");

    /** One case of the model: its month (0 = January 2026) and second within it. */
    record Case(String type, int month, long second, Rag rag, int person, List<String> needs, boolean open,
            boolean inScope) {

        CaseFile file(int index) {
            Instant opened = start(month).plusSeconds(second);
            return new CaseFile("c" + index, "r" + index, "p" + person, type,
                    inScope ? DataCategory.DATA_CATEGORY_CRIME : DataCategory.DATA_CATEGORY_HOUSING,
                    open ? CaseState.OPEN : CaseState.CLOSED, opened, null, "lead", "team", null, rag, needs, List.of(),
                    opened, "lead");
        }
    }

    /** A lower bound: any second of {@code month}, so widening brings it to the month's start. */
    record From(int month, long second) {
        Instant instant() {
            return start(month).plusSeconds(second);
        }
    }

    /** An upper bound: the start of {@code monthAfter} itself, or any later second of the month before it. */
    record To(int monthAfter, long second) {
        Instant instant() {
            return second == 0 ? start(monthAfter) : start(monthAfter - 1).plusSeconds(second);
        }
    }

    /** @param types empty = every case type; a null bound = unbounded */
    record Query(AggregateMetric metric, Set<String> types, From from, To to) {

        /** A query whose cases are a subset of this one's: the other's limits added to this one's. */
        Query narrowedBy(Query other) {
            Set<String> both = new TreeSet<>(types.isEmpty() ? other.types : types);
            if (!types.isEmpty() && !other.types.isEmpty()) {
                both.retainAll(other.types);
            }
            Set<String> narrowed = both.isEmpty() ? types : both;
            From lower = from == null || other.from != null && other.from.month() > from.month() ? other.from : from;
            To upper = to == null || other.to != null && other.to.monthAfter() < to.monthAfter() ? other.to : to;
            if (lower != null && upper != null && lower.month() >= upper.monthAfter()) {
                lower = from;
                upper = to;
            }
            return new Query(metric, narrowed, lower, upper);
        }

        AggregateRequest request() {
            AggregateRequest.Builder request = AggregateRequest.newBuilder().setMetric(metric).addAllCaseTypes(types);
            if (from != null) {
                request.setOpenedFrom(RecordMapping.timestamp(from.instant()));
            }
            if (to != null) {
                request.setOpenedTo(RecordMapping.timestamp(to.instant()));
            }
            return request.build();
        }

        boolean admits(Case c) {
            return c.open() && c.inScope() && (types.isEmpty() || types.contains(c.type()))
                    && (from == null || c.month() >= from.month()) && (to == null || c.month() < to.monthAfter());
        }

        /** The true counts, month by month as a person would count them, not as the node does. */
        Map<String, Long> trueCounts(List<Case> cases) {
            Map<String, Set<Integer>> people = new HashMap<>();
            Map<String, Long> counts = new HashMap<>();
            for (Case c : cases) {
                if (!admits(c)) {
                    continue;
                }
                switch (metric) {
                    case AGGREGATE_METRIC_OPEN_CASES -> counts.merge(c.type(), 1L, Long::sum);
                    case AGGREGATE_METRIC_CASES_BY_RAG -> counts.merge(c.rag() == null ? "UNRATED" : c.rag().name(), 1L,
                            Long::sum);
                    default -> c.needs().forEach(n -> people.computeIfAbsent(n, k -> new HashSet<>()).add(c.person()));
                }
            }
            people.forEach((need, who) -> counts.put(need, (long) who.size()));
            return counts;
        }
    }

    static Instant start(int month) {
        return FIRST.plusMonths(month).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Provide
    Arbitrary<List<Case>> populations() {
        Arbitrary<Case> one = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.integers().between(0, MONTHS - 1),
                Arbitraries.longs().between(0, MONTH_SECONDS - 1), Arbitraries.of(Rag.RED, Rag.AMBER, Rag.GREEN).injectNull(0.2),
                Arbitraries.integers().between(0, 14), Arbitraries.of(NEEDS).set().ofMaxSize(2).map(List::copyOf),
                Arbitraries.of(true, true, true, false), Arbitraries.of(true, true, true, false)).as(Case::new);
        return one.list().ofMaxSize(90);
    }

    @Provide
    Arbitrary<AggregateProperties> configurations() {
        return Arbitraries.integers().between(2, 10).flatMap(threshold -> Arbitraries.integers()
                .between(threshold, 3 * threshold).map(rounding -> new AggregateProperties(threshold, rounding)));
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<From> from = Combinators.combine(Arbitraries.integers().between(0, MONTHS - 1),
                Arbitraries.longs().between(0, MONTH_SECONDS - 1)).as(From::new).injectNull(0.25);
        Arbitrary<To> to = Combinators.combine(Arbitraries.integers().between(1, MONTHS),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, MONTH_SECONDS - 1))).as(To::new)
                .injectNull(0.25);
        return Combinators.combine(Arbitraries.of(AggregateMetric.AGGREGATE_METRIC_OPEN_CASES,
                        AggregateMetric.AGGREGATE_METRIC_CASES_BY_RAG, AggregateMetric.AGGREGATE_METRIC_SUBJECTS_BY_NEED),
                Arbitraries.of(TYPES).set().ofMaxSize(3), from, to).as(Query::new)
                .filter(q -> q.from() == null || q.to() == null || q.from().month() < q.to().monthAfter());
    }

    @Property(tries = 1500)
    void noTwoNestedQueriesProveAGroupBelowTheThreshold(@ForAll("populations") List<Case> cases,
            @ForAll("configurations") AggregateProperties config, @ForAll("queries") Query wider,
            @ForAll("queries") Query other) throws FederationRefusal {
        Query narrower = wider.narrowedBy(other);
        CountDisclosure disclosure = new CountDisclosure(config);
        List<CaseFile> files = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            files.add(cases.get(i).file(i));
        }
        CaseTally.Counting counting = (grouping, filter) -> CaseTally.count(grouping, filter, files);
        Map<String, Long> first = AggregateHandler.released(wider.request(), SCOPE, counting, disclosure);
        Map<String, Long> second = AggregateHandler.released(narrower.request(), SCOPE, counting, disclosure);
        // What answers and the rule tell, no more: a bound past every count the answers could stand for (the attacker
        // is not told the population size; a size known from elsewhere clips an interval's top, see the README).
        Differencing attacker = new Differencing(disclosure::released, config.threshold(),
                cases.size() + 2L * config.rounding() + config.threshold());

        Map<String, Long> trueFirst = wider.trueCounts(cases);
        Map<String, Long> trueSecond = narrower.trueCounts(cases);
        Set<String> keys = new TreeSet<>(trueFirst.keySet());
        keys.addAll(first.keySet());
        for (String key : keys) {
            long a = trueFirst.getOrDefault(key, 0L);
            long b = trueSecond.getOrDefault(key, 0L);
            assertThat(attacker.consistentWith(first.get(key)).contains(a)).as("%s: %d released as %s", key, a, first.get(key))
                    .isTrue();
            assertThat(attacker.consistentWith(second.get(key)).contains(b)).as("%s: %d released as %s", key, b,
                    second.get(key)).isTrue();
            assertThat(attacker.difference(first.get(key), second.get(key)).contains(a - b)).as(key).isTrue();
            Statistics.label("pair").collect(first.containsKey(key) ? second.containsKey(key) ? "both released"
                    : "wider only" : "neither");
            Statistics.label("group").collect(a - b > 0 && a - b < config.threshold() ? "small group differenced"
                    : "other");
        }
        assertThat(attacker.proof(first, second)).isNull();
    }

    @Example
    void exactCountsAboveTheThresholdAreDifferencedAtOnce() {
        // The rule before rounding: 6 and then 5 show the one case between them.
        Differencing attacker = new Differencing(c -> c >= 5 ? OptionalLong.of(c) : OptionalLong.empty(), 5, 40);
        assertThat(attacker.proof(Map.of("early-help", 6L), Map.of("early-help", 5L))).contains("group of Interval[low=1, high=1]");
    }

    @Example
    void aBaseBelowTheThresholdIsDifferencedToo() {
        // Threshold 5, base 2 (which the node refuses to start with): "8" over "6" puts 1 to 3 cases between.
        Differencing attacker = new Differencing(c -> c >= 5 ? OptionalLong.of((c + 1) / 2 * 2) : OptionalLong.empty(), 5, 40);
        assertThat(attacker.proof(Map.of("early-help", 8L), Map.of("early-help", 6L))).contains("low=1, high=3");
    }

    @Example
    void theNodesDefaultRuleHidesTheSameDifference() {
        CountDisclosure disclosure = new CountDisclosure(new AggregateProperties(5, 5));
        Differencing attacker = new Differencing(disclosure::released, 5, 40);
        assertThat(disclosure.release(Map.of("early-help", 6L, "rare", 4L, "none", 0L))).containsExactly(
                Map.entry("early-help", 5L));
        assertThat(attacker.proof(disclosure.release(Map.of("early-help", 8L)), disclosure.release(Map.of("early-help", 7L))))
                .isNull();
        assertThat(attacker.difference(10L, 5L)).isEqualTo(new Differencing.Interval(1, 7));
    }
}
