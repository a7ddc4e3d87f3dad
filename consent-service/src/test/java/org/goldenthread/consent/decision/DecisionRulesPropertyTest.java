package org.goldenthread.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.decision.DecisionFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.isa.IsaStatus;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * For random consents (the person's own and deny-only ones), agreements and break-glass sessions
 * and random requests: every PERMIT is covered, category by category, by a record in force that
 * applies, never by a deny-only record; no category an applying deny names (of either kind of
 * record) is ever permitted; the record named is of the basis named and covers part of the
 * release; the consent records a permit names as resting on are exactly the person's consents
 * covering part of it; nothing at all from an agency whose involvement discloses a category that may not go;
 * COORDINATION releases INVOLVEMENT (and what it discloses) only; and a DENY is only answered when nothing
 * permissible was asked for. The
 * oracle below is written from ARCHITECTURE.md §3 and issue 13, not from {@link DecisionRules}.
 */
class DecisionRulesPropertyTest {

    /** Few agencies and purposes, so random records often speak about the request asked. */
    static final List<String> AGENCIES = List.of("council", "police", "mentalhealth");
    static final List<Purpose> PURPOSES = List.of(Purpose.PURPOSE_COORDINATION, Purpose.PURPOSE_CASE_MANAGEMENT,
            Purpose.PURPOSE_SAFEGUARDING);
    static final List<DataCategory> CATEGORIES = Categories.ALL.stream().sorted().toList();

    /** The special categories sensitive everywhere; the mental-health trust's involvement discloses HEALTH_MENTAL. */
    static final SensitiveCategories TRUST = new SensitiveCategories() {
        @Override
        public Set<DataCategory> of(String agency) {
            return Categories.SPECIAL;
        }

        @Override
        public Set<DataCategory> revealedByInvolvement(String agency) {
            return agency.equals("mentalhealth") ? Set.of(DataCategory.DATA_CATEGORY_HEALTH_MENTAL) : Set.of();
        }
    };

    record Case(Grounds grounds, String source, String recipient, Purpose purpose, Set<DataCategory> wanted) {
    }

    @Property(tries = 1000)
    @StatisticsReport(label = "answer", format = Histogram.class)
    void everyPermitIsCoveredAndNoDenyIsOverridden(@ForAll("cases") Case c) {
        AgencyDecision decision = DecisionRules.decide(c.source(), c.recipient(), c.purpose(), c.wanted(), c.grounds(), NOW);
        // Shown in the report and checked: the random sets must reach every kind of answer, or the property proves little.
        Statistics.label("answer").collect(decision.outcome() == Outcome.PERMIT
                ? Vocabulary.name(decision.basis()) : "DENY");

        Set<DataCategory> denied = java.util.EnumSet.noneOf(DataCategory.class);
        Set<DataCategory> coverable = java.util.EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : CATEGORIES) {
            if (deniedByConsent(c, category)) {
                denied.add(category);
            }
            if (!coveringRecords(c, category).isEmpty()) {
                coverable.add(category);
            }
        }
        Set<DataCategory> permissible = java.util.EnumSet.noneOf(DataCategory.class);
        permissible.addAll(coverable);
        permissible.removeAll(denied);
        // The mental-health trust's involvement is health data: nothing from it unless HEALTH_MENTAL may go too.
        Set<DataCategory> reveals = TRUST.revealedByInvolvement(c.source());
        if (!permissible.containsAll(reveals)) {
            permissible.clear();
        }
        if (!c.wanted().isEmpty()) {
            permissible.retainAll(c.wanted());
        }
        if (c.purpose() == Purpose.PURPOSE_COORDINATION) {
            // Known-to only: INVOLVEMENT, and with it what the agency's involvement discloses.
            boolean involvement = permissible.contains(DataCategory.DATA_CATEGORY_INVOLVEMENT);
            permissible.clear();
            if (involvement) {
                permissible.add(DataCategory.DATA_CATEGORY_INVOLVEMENT);
                permissible.addAll(reveals);
            }
        }

        Statistics.label("answer").coverage(coverage -> {
            coverage.check("CONSENT").percentage(p -> p > 5);
            coverage.check("PUBLIC_TASK").percentage(p -> p > 1);
            coverage.check("VITAL_INTERESTS").percentage(p -> p > 0.5);
            coverage.check("DENY").percentage(p -> p > 20);
        });
        if (decision.outcome() == Outcome.PERMIT) {
            assertThat(decision.categories()).isNotEmpty();
            decision.categories().forEach(category -> {
                assertThat(denied).as("a deny names %s", category).doesNotContain(category);
                assertThat(coveringRecords(c, category)).as("records covering %s", category).isNotEmpty();
            });
            if (!c.wanted().isEmpty() && c.purpose() != Purpose.PURPOSE_COORDINATION) {
                assertThat(c.wanted()).containsAll(decision.categories());
            }
            assertThat(decision.categories()).containsExactlyInAnyOrderElementsOf(permissible);
            assertThat(decision.categories()).anySatisfy(category -> assertThat(coveringRecords(c, category))
                    .contains(new Cover(decision.basis(), decision.recordId())));
            Set<String> resting = new java.util.HashSet<>();
            decision.categories().forEach(category -> coveringRecords(c, category).stream()
                    .filter(cover -> cover.basis() == LawfulBasis.LAWFUL_BASIS_CONSENT)
                    .forEach(cover -> resting.add(cover.recordId())));
            assertThat(decision.consentIds()).containsExactlyInAnyOrderElementsOf(resting);
        } else {
            assertThat(decision.consentIds()).isEmpty();
            assertThat(permissible).isEmpty();
            assertThat(decision.reason()).contains(c.source());
        }
    }

    record Cover(LawfulBasis basis, String recordId) {
    }

    /** Every record in force that applies to the request and covers {@code category}. */
    static List<Cover> coveringRecords(Case c, DataCategory category) {
        List<Cover> covers = new ArrayList<>();
        for (ConsentRecord consent : c.grounds().consents()) {
            if (inForce(consent.status() == ConsentStatus.ACTIVE, consent.start(), consent.end())) {
                for (Provision p : consent.provisions()) {
                    if (p.type() == ProvisionType.PERMIT && applies(p, c)
                            && p.categories().covers(category)) {
                        covers.add(new Cover(LawfulBasis.LAWFUL_BASIS_CONSENT, consent.id()));
                    }
                }
            }
        }
        for (SharingAgreement isa : c.grounds().agreements()) {
            var t = isa.terms();
            boolean named = t.categories().isEmpty() ? !Categories.SPECIAL.contains(category) : t.categories().contains(category);
            if (inForce(isa.status() == IsaStatus.ACTIVE, t.start(), t.end()) && isa.sourceAgency().equals(c.source())
                    && t.recipients().contains(c.recipient()) && t.purposes().contains(c.purpose()) && named) {
                covers.add(new Cover(LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK, isa.id()));
            }
        }
        for (BreakGlassSession s : c.grounds().sessions()) {
            if (c.purpose() == Purpose.PURPOSE_SAFEGUARDING && inForce(true, s.startedAt(), s.endsAt())
                    && s.sources().contains(c.source()) && s.agency().equals(c.recipient())
                    && s.categoriesFrom(c.source()).contains(category)) {
                covers.add(new Cover(LawfulBasis.LAWFUL_BASIS_VITAL_INTERESTS, s.id()));
            }
        }
        return covers;
    }

    static boolean deniedByConsent(Case c, DataCategory category) {
        return java.util.stream.Stream.concat(c.grounds().consents().stream(), c.grounds().denyOnly().stream())
                .filter(consent -> inForce(consent.status() == ConsentStatus.ACTIVE, consent.start(), consent.end()))
                .flatMap(consent -> consent.provisions().stream())
                .anyMatch(p -> p.type() == ProvisionType.DENY && applies(p, c)
                        && p.categories().covers(category));
    }

    static boolean applies(Provision p, Case c) {
        return p.sources().covers(c.source())
                && p.recipients().covers(c.recipient())
                && p.purposes().covers(c.purpose());
    }

    static boolean inForce(boolean active, Instant start, Instant end) {
        return active && !NOW.isBefore(start) && (end == null || NOW.isBefore(end));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(
                consent().list().ofMaxSize(4),
                consent().map(DecisionRulesPropertyTest::denyOnly).list().ofMaxSize(3),
                agreement().list().ofMaxSize(3),
                session().list().ofMaxSize(2),
                agency(), agency(), purpose(), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Set.<DataCategory>of())),
                        net.jqwik.api.Tuple.of(1, categories())))
                .as((consents, denyOnly, isas, sessions, source, recipient, purpose, wanted) ->
                        // Every consent acknowledged by every source: review is the gating property's subject.
                        new Case(new Grounds(consents, denyOnly, isas, sessions, Acknowledged.byAll(consents, AGENCIES),
                                TRUST), source, recipient, purpose, wanted));
    }

    /** A record found through another identifier: ids say so, so a permit naming it would show. */
    static ConsentRecord denyOnly(ConsentRecord record) {
        return new ConsentRecord("d-" + record.id(), record.revision(), record.status(), record.subjectDigest(),
                record.start(), record.end(), record.evidence(), record.provisions(), record.recordedBy(),
                record.recordedByAgency(), record.recordedAt(), record.withdrawal(), record.history());
    }

    Arbitrary<String> agency() {
        return Arbitraries.of(AGENCIES);
    }

    Arbitrary<Purpose> purpose() {
        return Arbitraries.of(PURPOSES);
    }

    Arbitrary<Set<DataCategory>> categories() {
        return Arbitraries.of(CATEGORIES).set().ofMaxSize(4);
    }

    /** A start around NOW: records not yet valid, in force and already ended all occur (mostly in force). */
    Arbitrary<Instant> moment() {
        return Arbitraries.integers().between(-3, 1).map(days -> NOW.plus(Duration.ofDays(days)));
    }

    @SafeVarargs
    final <E extends Enum<E>> Arbitrary<E> mostlyFirst(E first, E... others) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just(first)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(others)));
    }

    Arbitrary<Provision> provision() {
        return Combinators.combine(Arbitraries.of(ProvisionType.class), agency().set().ofMaxSize(2),
                agency().set().ofMaxSize(2), purpose().set().ofMaxSize(2), categories())
                .as(Provision::new);
    }

    Arbitrary<ConsentRecord> consent() {
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(6), mostlyFirst(ConsentStatus.ACTIVE, ConsentStatus.WITHDRAWN, ConsentStatus.EXPIRED),
                moment(), Arbitraries.integers().between(0, 4), provision().list().ofMinSize(1).ofMaxSize(3))
                .as((id, status, start, days, provisions) -> DecisionFixtures.consent("c-" + id, status, start,
                        days == 0 ? null : start.plus(Duration.ofDays(days)), provisions.toArray(Provision[]::new)));
    }

    Arbitrary<SharingAgreement> agreement() {
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(6), mostlyFirst(IsaStatus.ACTIVE, IsaStatus.TERMINATED),
                agency(), agency().set().ofMinSize(1).ofMaxSize(3), purpose().set().ofMinSize(1).ofMaxSize(3),
                categories(), moment(), Arbitraries.integers().between(0, 4))
                .as((id, status, source, recipients, purposes, categories, start, days) -> DecisionFixtures.isa(
                        "i-" + id, status, source, recipients, purposes, categories, start,
                        days == 0 ? null : start.plus(Duration.ofDays(days))));
    }

    /** Mostly every category (so VITAL_INTERESTS stays common among the answers), sometimes a few. */
    Arbitrary<Set<DataCategory>> sessionCategories() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(Categories.ALL)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Categories.ALL).set().ofMinSize(1)));
    }

    Arbitrary<BreakGlassSession> session() {
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(6), agency(), agency().set().ofMinSize(1)
                        .ofMaxSize(3), sessionCategories(),
                        Arbitraries.integers().between(-30, 120))
                .as((id, agency, sources, categories, minutesAgo) -> DecisionFixtures.session("s-" + id, agency,
                        sources, categories, NOW.minus(Duration.ofMinutes(minutesAgo))));
    }
}
