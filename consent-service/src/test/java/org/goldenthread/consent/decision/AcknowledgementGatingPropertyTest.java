package org.goldenthread.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.decision.DecisionFixtures.END;
import static org.goldenthread.consent.decision.DecisionFixtures.NOW;
import static org.goldenthread.consent.decision.DecisionFixtures.START;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.consent.Scope;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * For random consent records (any mix of named lists and explicit "all", permits and denies, revisions), random
 * acknowledgements (of the current revision, of an earlier one, by another source) and random sensitive sets:
 * an unacknowledged revision never releases its source's special-category or sensitive data, an explicit "all"
 * releases nothing unacknowledged, and a DENY always wins.
 */
class AcknowledgementGatingPropertyTest {

    static final List<String> AGENCIES = List.of("council", "police", "mentalhealth", "housing");
    static final List<Purpose> PURPOSES = List.of(Purpose.PURPOSE_CASE_MANAGEMENT, Purpose.PURPOSE_SAFEGUARDING);
    static final List<DataCategory> CATEGORIES = Categories.ALL.stream().sorted().toList();

    record Case(List<ConsentRecord> consents, Set<String> acknowledged, Map<String, Set<DataCategory>> sensitive,
            String source, String recipient, Purpose purpose, Set<DataCategory> wanted) {

        Grounds grounds() {
            return new Grounds(consents, List.of(), List.of(), List.of(), new Acknowledged(acknowledged),
                    sensitive::get);
        }

        boolean acknowledgedBySource(ConsentRecord r) {
            return acknowledged.contains(Acknowledged.key(r.id(), r.revision(), source));
        }
    }

    @Property(tries = 2000)
    void unacknowledgedNeverReleasesSensitiveDataAndDenyAlwaysWins(@ForAll("cases") Case c) {
        AgencyDecision decision = DecisionRules.decide(c.source(), c.recipient(), c.purpose(), c.wanted(), c.grounds(),
                NOW);
        Set<DataCategory> sensitive = c.sensitive().get(c.source());
        boolean anySensitive = decision.categories().stream().anyMatch(sensitive::contains);
        Statistics.label("answer").collect(decision.outcome() == Outcome.DENY ? "DENY"
                : anySensitive ? "PERMIT incl. sensitive" : "PERMIT ordinary only");
        for (DataCategory category : decision.categories()) {
            boolean byAcknowledged = false;
            boolean byNamedOrdinary = false;
            for (ConsentRecord r : c.consents()) {
                if (!r.inForceAt(NOW)) {
                    continue;
                }
                for (Provision p : r.provisions()) {
                    if (p.appliesTo(c.source(), c.recipient(), c.purpose()) && p.categories().covers(category)) {
                        assertThat(p.type()).as("a deny in force covering %s", category).isEqualTo(ProvisionType.PERMIT);
                        byAcknowledged |= c.acknowledgedBySource(r);
                        byNamedOrdinary |= !p.usesExplicitAll() && !sensitive.contains(category);
                    }
                }
            }
            assertThat(byAcknowledged || byNamedOrdinary).as("%s released only by an acknowledged permit or a named "
                    + "ordinary one", category).isTrue();
            if (sensitive.contains(category)) {
                assertThat(byAcknowledged).as("sensitive %s released without the source's acknowledgement", category)
                        .isTrue();
            }
        }
        Statistics.label("answer").coverage(coverage -> {
            coverage.check("PERMIT incl. sensitive").percentage(p -> p > 2);
            coverage.check("PERMIT ordinary only").percentage(p -> p > 2);
            coverage.check("DENY").percentage(p -> p > 10);
        });
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<ConsentRecord>> consents = consent().list().ofMaxSize(4)
                .map(list -> java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> withId(list.get(i), "c" + i))
                        .toList());
        Arbitrary<Map<String, Set<DataCategory>>> sensitive = Arbitraries.of(CATEGORIES).set().ofMaxSize(3)
                .list().ofSize(AGENCIES.size()).map(extra -> {
                    Map<String, Set<DataCategory>> map = new java.util.HashMap<>();
                    for (int i = 0; i < AGENCIES.size(); i++) {
                        Set<DataCategory> set = EnumSet.copyOf(Categories.SPECIAL);
                        set.addAll(extra.get(i));
                        map.put(AGENCIES.get(i), set);
                    }
                    return map;
                });
        return Combinators.combine(consents, Arbitraries.integers().between(0, 1000), sensitive,
                Arbitraries.of(AGENCIES), Arbitraries.of(AGENCIES), Arbitraries.of(PURPOSES),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just(Set.<DataCategory>of())),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(CATEGORIES).set().ofMinSize(1).ofMaxSize(4))))
                .as((records, seed, sens, source, recipient, purpose, wanted) -> new Case(records,
                        acknowledgements(records, seed), sens, source, recipient, purpose, wanted));
    }

    /** Some acknowledged by some agencies: of the current revision, or of an earlier one (which must not count). */
    static Set<String> acknowledgements(List<ConsentRecord> records, int seed) {
        java.util.Random random = new java.util.Random(seed);
        Set<String> keys = new HashSet<>();
        for (ConsentRecord r : records) {
            for (String agency : AGENCIES) {
                int draw = random.nextInt(3);
                if (draw == 1) {
                    keys.add(Acknowledged.key(r.id(), r.revision(), agency));
                } else if (draw == 2 && r.revision() > 1) {
                    keys.add(Acknowledged.key(r.id(), r.revision() - 1, agency));
                }
            }
        }
        return keys;
    }

    static ConsentRecord withId(ConsentRecord r, String id) {
        return new ConsentRecord(id, r.revision(), r.status(), r.subjectDigest(), r.start(), r.end(), r.evidence(),
                r.provisions(), r.recordedBy(), r.recordedByAgency(), r.recordedAt(), null, List.of());
    }

    Arbitrary<ConsentRecord> consent() {
        return Combinators.combine(provision().list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(1, 3),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(9, ConsentStatus.ACTIVE),
                        net.jqwik.api.Tuple.of(1, ConsentStatus.WITHDRAWN)),
                Arbitraries.of(AGENCIES))
                .as((provisions, revision, status, recorder) -> new ConsentRecord("c", revision, status, "digest",
                        START, END, new Evidence(EvidenceKind.SIGNED_FORM, "CF", null, "v3"), provisions, "kw",
                        recorder, START, null, List.of()));
    }

    Arbitrary<Provision> provision() {
        return Combinators.combine(
                Arbitraries.frequency(net.jqwik.api.Tuple.of(3, ProvisionType.PERMIT),
                        net.jqwik.api.Tuple.of(1, ProvisionType.DENY)),
                scope(Arbitraries.of(AGENCIES)), scope(Arbitraries.of(AGENCIES)), scope(Arbitraries.of(PURPOSES)),
                scope(Arbitraries.of(CATEGORIES)))
                .as(Provision::new);
    }

    static <T> Arbitrary<Scope<T>> scope(Arbitrary<T> values) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Scope.<T>everything())),
                net.jqwik.api.Tuple.of(3, values.set().ofMinSize(1).ofMaxSize(3).map(Scope::of)));
    }
}
