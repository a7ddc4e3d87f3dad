package org.goldenthread.consent.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentRevision;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.decision.AgencyDecision;
import org.goldenthread.consent.decision.DecisionRequest;
import org.goldenthread.consent.decision.Outcome;
import org.goldenthread.consent.decision.PersonDecision;
import org.goldenthread.consent.isa.AgreementTerms;
import org.goldenthread.consent.isa.IsaStatus;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.consent.isa.SignOff;
import org.goldenthread.federation.linkage.LinkageKey;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * "One person, one decision" (issue 13) over the resolution and the rules together, with generated
 * ground truth: 1–3 people who may be twins (same family name and date of birth) or namesakes (same name
 * and date of birth, other NHS and NI numbers), with previous names and names whose version-1 token
 * differs (Łukasz, Søren, Đorđević); random consent histories about them (permits and denies, withdrawn,
 * ended, revised), each recorded under whichever of the person's identifiers the recording agency had —
 * sometimes a previous name, a typo or the version-1 name token; random requests with any subset of one
 * person's identifiers, or mixing two people's. Invariants (the oracle works from the generated people and
 * records, not from {@link ConsentResolver}):
 *
 * <ol>
 *   <li>a deny in force in any record of a person, reachable from the request through that person's own
 *       records (a token in common, link by link), wins for every category it names, whatever else exists;</li>
 *   <li>a permit rests only on records sharing a token with the request itself, contradicting none of its
 *       identifiers, and — when one person is asked about — recorded about that person or a namesake the
 *       request cannot tell apart from them (same name and date of birth);</li>
 *   <li>a mixed request where some record already holds every kind asked is refused (422), and no
 *       one-person request is refused unless a record it reaches holds something that is not that person's
 *       identifier;</li>
 *   <li>each permit is anchored by kinds the request carries and its consent records share;</li>
 *   <li>the order the records are filed in changes nothing, and a bound changes an answer only into
 *       DENY for every agency (never a partial decision).</li>
 * </ol>
 */
class ConsentResolutionPropertyTest {

    static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
    static final LinkageTokens LINKAGE = new LinkageTokens(new LinkageKey("k1",
            "golden-thread-resolution-property-key".getBytes(StandardCharsets.US_ASCII)));
    static final List<String> SOURCES = List.of("housing", "police");
    static final List<String> RECIPIENTS = List.of("council", "police");
    static final List<Purpose> PURPOSES = List.of(Purpose.PURPOSE_CASE_MANAGEMENT, Purpose.PURPOSE_COORDINATION);
    static final List<DataCategory> CATEGORIES = List.of(DataCategory.DATA_CATEGORY_HOUSING,
            DataCategory.DATA_CATEGORY_CRIME, DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
    static final List<String> FAMILY = List.of("Hale", "Łukasiewicz", "Øster", "O'Brien", "Đorđević");
    static final List<String> GIVEN = List.of("Tom", "Łukasz", "Søren", "Anna");
    static final List<String> PREVIOUS_FAMILY = List.of("Smith", "Żak");
    static final List<java.time.LocalDate> BIRTHS = List.of(java.time.LocalDate.of(2007, 3, 14),
            java.time.LocalDate.of(1990, 1, 1));
    /** Valid NHS numbers (modulus 11), four per person slot so people never share one. */
    static final List<String> NHS = List.of("9434765919", "4010232137", "9434765870", "9434765102", "9434765064",
            "9434765072", "9434765080", "9434765846", "9434765005", "9434765013", "9434765021", "9434765048");
    static final List<String> NINO = List.of("AB123456A", "CE654321B", "JG103759C", "HJ000001D", "KL999999A",
            "MN314159B");

    enum Kinship { INDEPENDENT, TWIN, NAMESAKE }

    /** A generated person; people after the first may be the first one's twin or namesake. */
    record PersonSpec(Kinship kinship, int nhs, int nino, int family, int given, int birth, int previous) {
    }

    /** Which name token a record was filed under. */
    enum NameForm { NONE, CURRENT, PREVIOUS, TYPO, LEGACY }

    record RecordSpec(int owner, boolean nhs, boolean nino, NameForm name, ConsentStatus status, boolean ended,
            int ageDays, boolean revised, List<Provision> provisions) {
    }

    /**
     * @param other for a mixed request, which other person (else -1); then {@code nameFromOther} says who gives the
     *     name, {@code nhs} whether the other gives an NHS (else NI) number, {@code nino} whether the name-giver adds
     *     their other national number
     */
    record RequestSpec(int person, boolean nhs, boolean nino, boolean name, boolean legacy, int other,
            boolean nameFromOther, String recipient, Purpose purpose, Set<DataCategory> wanted) {
    }

    record Scenario(List<PersonSpec> people, List<RecordSpec> records, RequestSpec request, boolean agreement,
            int maxRecords, int maxRounds, long shuffle) {
    }

    /** A person as materialised: identifiers and the tokens they truly hold. */
    record Person(PersonIdentifiers now, LinkageToken nd, LinkageToken previousNd, LinkageToken legacyNd,
            LinkageToken typoNd, List<LinkageToken> current) {
    }

    record Filed(FiledConsent filed, int owner) {
    }

    @Property(tries = 3000)
    @StatisticsReport(label = "answer", format = net.jqwik.api.statistics.Histogram.class)
    void oneDecisionIsAboutOnePerson(@ForAll("scenarios") Scenario s) {
        List<Person> people = people(s.people());
        List<Filed> records = records(s.records(), people);
        RequestSpec r = s.request();
        Person asked = people.get(r.person() % people.size());
        Person other = r.other() < 0 || people.size() < 2 ? null
                : people.get((r.person() + 1 + r.other() % (people.size() - 1)) % people.size());
        List<LinkageToken> tokens = new ArrayList<>();
        Person nameFrom = asked;
        if (other == null) {
            if (r.nhs()) {
                kind(asked.current(), LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).ifPresent(tokens::add);
            }
            if (r.nino()) {
                kind(asked.current(), LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO).ifPresent(tokens::add);
            }
            if (r.name() || tokens.isEmpty()) {
                tokens.add(asked.nd());
            }
        } else {
            // A mix: one person's name and date of birth with the other's NHS (or NI) number, and perhaps the
            // name-giver's other national number too.
            nameFrom = r.nameFromOther() ? other : asked;
            Person idFrom = nameFrom == asked ? other : asked;
            LinkageTokenKind first = r.nhs() ? LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS : LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO;
            LinkageTokenKind second = r.nhs() ? LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO : LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS;
            tokens.add(nameFrom.nd());
            kind(idFrom.current(), first).or(() -> kind(idFrom.current(), second)).ifPresent(tokens::add);
            if (r.nino()) {
                LinkageTokenKind taken = tokens.get(tokens.size() - 1).getKind();
                kind(nameFrom.current(), taken == first ? second : first).ifPresent(tokens::add);
            }
        }
        boolean hasName = tokens.stream().anyMatch(t -> t.getKind() == LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);
        // As the gateway sends them: the version-1 token of the name it asks with, where it differs.
        List<LinkageToken> legacy = r.legacy() && hasName && nameFrom.legacyNd() != null
                ? List.of(nameFrom.legacyNd()) : List.of();
        boolean mixed = people.stream().noneMatch(p -> p.current().containsAll(tokens));
        Statistics.label("request").collect(mixed ? "MIXED" : "ONE");
        // The person a one-person request is about: the one asked for, or whoever's identifiers it took them all from.
        Person subject = asked.current().containsAll(tokens) ? asked
                : people.stream().filter(p -> p.current().containsAll(tokens)).findFirst().orElse(asked);

        List<SharingAgreement> agreements = s.agreement() ? List.of(agreement()) : List.of();
        DecisionRequest request = new DecisionRequest(tokens, r.purpose(), SOURCES, r.wanted(), null, legacy);
        List<FiledConsent> filed = records.stream().map(Filed::filed).toList();
        PersonConsents unbounded = new ConsentResolver(new InMemoryConsentIndex(filed), 10_000, 100)
                .resolve(tokens, legacy);
        List<AgencyDecision> answers = PersonDecision.decide(request, r.recipient(), unbounded, agreements, List.of(), NOW);
        String outcome = unbounded.status() == PersonConsents.Status.RESOLVED
                ? (answers.stream().anyMatch(a -> a.outcome() == Outcome.PERMIT) ? "PERMIT" : "DENY")
                : unbounded.status().name();
        Statistics.label("answer").collect(outcome);
        Statistics.label(mixed ? "mixed request answer" : "one-person request answer").collect(outcome);

        denyInForceReachableThroughThePersonsRecordsWins(people, records, tokens, legacy, r, answers);
        permitsRestOnTheAskedPersonsRecords(people, records, tokens, subject, mixed, answers);
        refusesWhatTheRecordsShowIsTwoPeopleOnly(records, people, tokens, subject, mixed, unbounded, legacy);

        List<Filed> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(s.shuffle()));
        PersonConsents reordered = new ConsentResolver(new InMemoryConsentIndex(shuffled.stream().map(Filed::filed)
                .toList()), 10_000, 100).resolve(tokens, legacy);
        assertThat(PersonDecision.decide(request, r.recipient(), reordered, agreements, List.of(), NOW))
                .as("filing order").isEqualTo(answers);

        PersonConsents bounded = new ConsentResolver(new InMemoryConsentIndex(filed), s.maxRecords(), s.maxRounds())
                .resolve(tokens, legacy);
        List<AgencyDecision> boundedAnswers = PersonDecision.decide(request, r.recipient(), bounded, agreements,
                List.of(), NOW);
        Statistics.label("bound").collect(bounded.status() == PersonConsents.Status.TOO_MANY ? "exceeded" : "within");
        if (bounded.status() == PersonConsents.Status.TOO_MANY) {
            assertThat(boundedAnswers).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.DENY))
                    .allSatisfy(a -> assertThat(a.reason()).contains("consent records are linked to this person's"));
        } else {
            assertThat(boundedAnswers).as("within the bound, the same answer").isEqualTo(answers);
        }

        Statistics.label("answer").coverage(c -> {
            c.check("PERMIT").percentage(p -> p > 15);
            c.check("DENY").percentage(p -> p > 15);
            c.check("IDENTIFIERS_DISAGREE").percentage(p -> p > 5);
        });
        Statistics.label("request").coverage(c -> c.check("MIXED").percentage(p -> p > 10));
        Statistics.label("bound").coverage(c -> c.check("exceeded").percentage(p -> p > 3));
    }

    // ---- invariants

    /** Invariant 1. */
    void denyInForceReachableThroughThePersonsRecordsWins(List<Person> people, List<Filed> records,
            List<LinkageToken> tokens, List<LinkageToken> legacy, RequestSpec r, List<AgencyDecision> answers) {
        Set<LinkageToken> start = new HashSet<>(tokens);
        start.addAll(legacy);
        for (int owner = 0; owner < people.size(); owner++) {
            int o = owner;
            List<Filed> own = records.stream().filter(f -> f.owner() == o).toList();
            Set<String> reached = reachable(own, start);
            for (Filed f : own) {
                ConsentRecord record = f.filed().record();
                if (!reached.contains(record.id()) || !record.inForceAt(NOW)) {
                    continue;
                }
                String how = f.filed().tokens().stream().anyMatch(tokens::contains) ? "direct"
                        : f.filed().tokens().stream().anyMatch(legacy::contains) ? "through a legacy token"
                        : "through a link";
                for (Provision p : record.provisions()) {
                    for (AgencyDecision answer : answers) {
                        if (p.type() == ProvisionType.DENY && p.appliesTo(answer.agency(), r.recipient(), r.purpose())) {
                            Statistics.label("deny applying").collect(how);
                            Set<DataCategory> named = p.categories().isEmpty() ? Categories.ALL : p.categories();
                            assertThat(answer.categories()).as("denied by %s", record.id()).doesNotContainAnyElementsOf(named);
                        }
                    }
                }
            }
        }
        Statistics.label("deny applying").coverage(c -> {
            c.check("through a link").count(n -> n > 50);
            c.check("through a legacy token").count(n -> n > 10);
        });
    }

    /** Invariants 2 and 4. */
    void permitsRestOnTheAskedPersonsRecords(List<Person> people, List<Filed> records, List<LinkageToken> tokens,
            Person asked, boolean mixed, List<AgencyDecision> answers) {
        for (AgencyDecision answer : answers) {
            if (answer.outcome() != Outcome.PERMIT) {
                assertThat(answer.consentIds()).isEmpty();
                continue;
            }
            if (answer.consentIds().isEmpty()) {
                assertThat(answer.anchors()).as("an agreement is about whoever is asked about").isEmpty();
                continue;
            }
            Set<LinkageTokenKind> sharedByResting = EnumSet.noneOf(LinkageTokenKind.class);
            for (String id : answer.consentIds()) {
                Filed f = records.stream().filter(x -> x.filed().record().id().equals(id)).findFirst().orElseThrow();
                List<LinkageToken> held = f.filed().tokens();
                assertThat(held).as("%s shares a token with the request itself", id).containsAnyElementsOf(tokens);
                for (LinkageToken asked1 : tokens) {
                    boolean holdsKind = held.stream().anyMatch(t -> t.getKind() == asked1.getKind());
                    assertThat(!holdsKind || held.contains(asked1)).as("%s contradicts the request's %s", id,
                            asked1.getKind()).isTrue();
                    if (held.contains(asked1)) {
                        sharedByResting.add(asked1.getKind());
                    }
                }
                Person owner = people.get(f.owner());
                if (!mixed) {
                    boolean namesake = owner != asked && owner.nd().equals(asked.nd());
                    Statistics.label("permit from").collect(owner == asked ? "the person asked" : "a namesake");
                    assertThat(owner == asked || namesake).as("%s is about someone else", id).isTrue();
                }
            }
            assertThat(answer.anchors()).isNotEmpty().isSubsetOf(sharedByResting);
        }
    }

    /** Invariant 3. */
    void refusesWhatTheRecordsShowIsTwoPeopleOnly(List<Filed> records, List<Person> people,
            List<LinkageToken> tokens, Person asked, boolean mixed, PersonConsents resolved,
            List<LinkageToken> legacy) {
        Set<LinkageTokenKind> askedKinds = EnumSet.noneOf(LinkageTokenKind.class);
        tokens.forEach(t -> askedKinds.add(t.getKind()));
        List<Filed> direct = records.stream().filter(f -> f.filed().tokens().stream().anyMatch(tokens::contains)).toList();
        if (mixed) {
            boolean shown = direct.stream().anyMatch(f -> {
                Person owner = people.get(f.owner());
                Set<LinkageTokenKind> held = EnumSet.noneOf(LinkageTokenKind.class);
                f.filed().tokens().forEach(t -> held.add(t.getKind()));
                return held.containsAll(askedKinds) && owner.current().containsAll(f.filed().tokens());
            });
            if (shown) {
                Statistics.label("mix shown by a record").collect("refused");
                assertThat(resolved.status()).isEqualTo(PersonConsents.Status.IDENTIFIERS_DISAGREE);
            }
        } else if (resolved.status() == PersonConsents.Status.IDENTIFIERS_DISAGREE) {
            Set<LinkageToken> explained = new HashSet<>(asked.current());
            explained.addAll(legacy);
            assertThat(direct).as("a reason to refuse").anySatisfy(f ->
                    assertThat(explained.containsAll(f.filed().tokens())).isFalse());
        }
    }

    static Set<String> reachable(List<Filed> own, Set<LinkageToken> start) {
        Set<LinkageToken> known = new HashSet<>(start);
        Set<String> reached = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Filed f : own) {
                if (!reached.contains(f.filed().record().id()) && f.filed().tokens().stream().anyMatch(known::contains)) {
                    reached.add(f.filed().record().id());
                    known.addAll(f.filed().tokens());
                    grew = true;
                }
            }
        }
        return reached;
    }

    // ---- materialising the generated specs

    static List<Person> people(List<PersonSpec> specs) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            PersonSpec spec = specs.get(i);
            PersonSpec first = specs.get(0);
            int family = spec.family();
            int given = spec.given();
            int birth = spec.birth();
            if (i > 0 && spec.kinship() != Kinship.INDEPENDENT) {
                family = first.family();
                birth = first.birth();
                given = spec.kinship() == Kinship.NAMESAKE ? first.given() : (first.given() + 1 + spec.given() % 3) % 4;
            }
            PersonIdentifiers now = new PersonIdentifiers(spec.nhs() < 0 ? null : NHS.get(i * 4 + spec.nhs()),
                    spec.nino() < 0 ? null : NINO.get(i * 2 + spec.nino()), FAMILY.get(family), GIVEN.get(given),
                    BIRTHS.get(birth), null);
            List<LinkageToken> current = LINKAGE.tokensFor(now);
            LinkageToken nd = kind(current, LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB).orElseThrow();
            LinkageToken previous = spec.previous() < 0 ? null : nameToken(PREVIOUS_FAMILY.get(spec.previous()),
                    now.givenName(), now.dateOfBirth());
            List<LinkageToken> legacy = LINKAGE.legacyTokensFor(now);
            LinkageToken typo = nameToken(now.familyName(), now.givenName() + "e", now.dateOfBirth());
            people.add(new Person(now, nd, previous, legacy.isEmpty() ? null : legacy.get(0), typo, current));
        }
        return people;
    }

    static LinkageToken nameToken(String family, String given, java.time.LocalDate birth) {
        return LINKAGE.tokensFor(new PersonIdentifiers(null, null, family, given, birth, null)).get(0);
    }

    static List<Filed> records(List<RecordSpec> specs, List<Person> people) {
        List<Filed> records = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RecordSpec spec = specs.get(i);
            int owner = spec.owner() % people.size();
            Person p = people.get(owner);
            List<LinkageToken> tokens = new ArrayList<>();
            if (spec.nhs()) {
                kind(p.current(), LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).ifPresent(tokens::add);
            }
            if (spec.nino()) {
                kind(p.current(), LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO).ifPresent(tokens::add);
            }
            LinkageToken name = switch (spec.name()) {
                case NONE -> null;
                case CURRENT -> p.nd();
                case PREVIOUS -> p.previousNd() == null ? p.nd() : p.previousNd();
                case TYPO -> p.typoNd();
                case LEGACY -> p.legacyNd() == null ? p.nd() : p.legacyNd();
            };
            if (name != null || tokens.isEmpty()) {
                tokens.add(name == null ? p.nd() : name);
            }
            Instant start = NOW.minus(Duration.ofDays(30));
            ConsentRecord record = new ConsentRecord("r" + i, spec.revised() ? 2 : 1, spec.status(), "digest", start,
                    spec.ended() ? NOW.minus(Duration.ofDays(1)) : null,
                    new Evidence(EvidenceKind.SIGNED_FORM, "CF-" + i, null, "v3"), spec.provisions(), "kw", "council",
                    NOW.minus(Duration.ofDays(spec.ageDays())), null,
                    spec.revised() ? List.of(new ConsentRevision(1, ConsentStatus.ACTIVE, start, "kw")) : List.of());
            records.add(new Filed(new FiledConsent(record, tokens), owner));
        }
        return records;
    }

    static SharingAgreement agreement() {
        return new SharingAgreement("isa-1", 1, IsaStatus.ACTIVE, "housing", new AgreementTerms("Coordination",
                Set.of("council", "police"), Set.of(Purpose.PURPOSE_COORDINATION),
                Set.of(DataCategory.DATA_CATEGORY_INVOLVEMENT, DataCategory.DATA_CATEGORY_HOUSING),
                NOW.minus(Duration.ofDays(100)), null, new SignOff("SIRO", "SIRO", NOW.minus(Duration.ofDays(100)))),
                "admin", NOW.minus(Duration.ofDays(100)), null, List.of());
    }

    static java.util.Optional<LinkageToken> kind(List<LinkageToken> tokens, LinkageTokenKind kind) {
        return tokens.stream().filter(t -> t.getKind() == kind).findFirst();
    }

    // ---- generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<PersonSpec>> people = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.just(2)), Tuple.of(2, Arbitraries.just(3))).flatMap(n -> person().list().ofSize(n));
        return Combinators.combine(people, record().list().ofMaxSize(10),
                        request(), Arbitraries.of(true, false),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1000)), Tuple.of(1, Arbitraries.of(2, 4))),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(8)), Tuple.of(1, Arbitraries.of(1, 2))),
                        Arbitraries.longs())
                .as(Scenario::new);
    }

    Arbitrary<PersonSpec> person() {
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Kinship.INDEPENDENT)),
                        Tuple.of(1, Arbitraries.just(Kinship.TWIN)), Tuple.of(1, Arbitraries.just(Kinship.NAMESAKE))),
                optional(4, 0.8), optional(2, 0.5), Arbitraries.integers().between(0, FAMILY.size() - 1),
                Arbitraries.integers().between(0, GIVEN.size() - 1), Arbitraries.integers().between(0, BIRTHS.size() - 1),
                optional(PREVIOUS_FAMILY.size(), 0.25))
                .as(PersonSpec::new);
    }

    /** An index below {@code size}, or -1 (absent) with probability {@code 1 - present}. */
    Arbitrary<Integer> optional(int size, double present) {
        int weight = (int) Math.round(present * 100);
        return Arbitraries.frequencyOf(Tuple.of(weight, Arbitraries.integers().between(0, size - 1)),
                Tuple.of(100 - weight, Arbitraries.just(-1)));
    }

    Arbitrary<RecordSpec> record() {
        Arbitrary<NameForm> name = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(NameForm.NONE)),
                Tuple.of(5, Arbitraries.just(NameForm.CURRENT)), Tuple.of(1, Arbitraries.just(NameForm.PREVIOUS)),
                Tuple.of(1, Arbitraries.just(NameForm.TYPO)), Tuple.of(1, Arbitraries.just(NameForm.LEGACY)));
        Arbitrary<ConsentStatus> status = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(ConsentStatus.ACTIVE)),
                Tuple.of(1, Arbitraries.just(ConsentStatus.WITHDRAWN)));
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(3, Arbitraries.just(false))),
                        name, status, Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)),
                                Tuple.of(9, Arbitraries.just(false))),
                        Arbitraries.integers().between(0, 20), provision().list().ofMinSize(1).ofMaxSize(2))
                .as((owner, nhs, nino, form, st, ended, age, provisions) -> new RecordSpec(owner, nhs, nino, form, st,
                        ended, age, age % 3 == 0, provisions));
    }

    Arbitrary<Provision> provision() {
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(ProvisionType.PERMIT)),
                        Tuple.of(2, Arbitraries.just(ProvisionType.DENY))),
                Arbitraries.of(SOURCES).set().ofMaxSize(1), Arbitraries.of(RECIPIENTS).set().ofMaxSize(1),
                Arbitraries.of(PURPOSES).set().ofMaxSize(1), Arbitraries.of(CATEGORIES).set().ofMaxSize(2))
                .as(Provision::new);
    }

    Arbitrary<RequestSpec> request() {
        Arbitrary<Boolean> half = Arbitraries.of(true, false);
        Arbitrary<Integer> other = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(-1)),
                Tuple.of(2, Arbitraries.integers().between(0, 1)));
        Arbitrary<Set<DataCategory>> wanted = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Set.<DataCategory>of())),
                Tuple.of(1, Arbitraries.of(CATEGORIES).set().ofMinSize(1).ofMaxSize(2)));
        return Combinators.combine(Arbitraries.integers().between(0, 2), half, half, half, half, other,
                        Arbitraries.of(RECIPIENTS), Arbitraries.of(PURPOSES))
                .flatAs((person, nhs, nino, name, legacy, otherPerson, recipient, purpose) ->
                        Combinators.combine(half, wanted).as((fromOther, w) -> new RequestSpec(person, nhs, nino, name,
                                legacy, otherPerson, fromOther, recipient, purpose, w)));
    }
}
