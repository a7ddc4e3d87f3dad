package org.goldenthread.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.decision.Acknowledged;
import org.goldenthread.consent.decision.AgencyDecision;
import org.goldenthread.consent.decision.DecisionRequest;
import org.goldenthread.consent.decision.Grounds;
import org.goldenthread.consent.decision.Outcome;
import org.goldenthread.consent.decision.PersonDecision;
import org.goldenthread.consent.isa.AgreementTerms;
import org.goldenthread.consent.isa.IsaStatus;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.consent.isa.SignOff;
import org.goldenthread.consent.person.ConsentResolver;
import org.goldenthread.consent.person.InMemoryConsentIndex;
import org.goldenthread.consent.person.PersonConsents;
import org.goldenthread.federation.linkage.LinkageKey;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.federation.linkage.PersonSelection;
import org.goldenthread.federation.linkage.PersonSelection.Candidate;
import org.goldenthread.federation.linkage.Relation;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * "One person, one decision" across the whole path, on generated worlds: a handful of people (shared
 * family names, twins, namesakes with the same name and date of birth, previous names), three agency
 * nodes each holding some of them (with or without an NHS number, sometimes misspelt), a consent
 * history about them (permits and denies recorded under any subset of identifiers, some withdrawn),
 * perhaps a partnership agreement, and a request mixing the identifiers of one to three people.
 * Each case runs consent-service's real resolution and rules ({@link ConsentResolver},
 * {@link PersonDecision}) and, for every agency permitted, the node's real release rule
 * ({@link PersonSelection}) with the grant's anchors and basis identity, as the services wire them.
 *
 * <p>Invariants: every released record belongs to one person consistent with every identifier asked
 * and with the consent record the permit rests on (or someone no identifier tells apart from its
 * subject); where every record holds every identifier, identifiers of two people release nothing
 * anywhere; a deny reachable through the person's records always wins, whatever else exists and
 * whichever of the person's identifiers are asked with. 10,000 cases in {@code ./mvnw verify}
 * ({@code jqwik.tries.default}); a longer run is in launcher/README.md.
 */
class OnePersonFederationPropertiesTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final LinkageTokens LINKAGE = new LinkageTokens(new LinkageKey("prop-1", new byte[32]));
    static final List<String> AGENCIES = List.of("police", "housing", "mentalhealth");
    static final String RECIPIENT = "council";
    static final String[] FAMILIES = {"Hale", "Davis", "Łukasiewicz"};
    static final String[] GIVEN = {"Tom", "Karen", "Юлия"};
    static final LocalDate[] BIRTHS = {LocalDate.of(2007, 3, 14), LocalDate.of(1981, 6, 2)};
    static final String[] NHS = {"9434765919", "4010232137", "4857773457", "4505577104", "4639284756", "4123456782"};

    /** Someone in the world; {@code nhs} is unique to them (or absent). */
    record Person(int id, String nhs, String family, String given, LocalDate dob, String previous) {

        PersonIdentifiers identifiers(boolean withNhs, boolean misspelt) {
            return new PersonIdentifiers(withNhs ? nhs : null, null, misspelt ? family + "e" : family, given, dob, "NS1 4AB");
        }

        /** Every token that is truly theirs. */
        Set<LinkageToken> all() {
            Set<LinkageToken> tokens = new HashSet<>(LINKAGE.tokensFor(identifiers(true, false)));
            if (previous != null) {
                tokens.addAll(LINKAGE.tokensFor(new PersonIdentifiers(null, null, previous, given, dob, "NS1 4AB")));
            }
            return tokens;
        }
    }

    /** How a node or a consent record holds a person: which identifiers, spelt how. */
    record Held(int person, boolean withNhs, boolean withName, boolean misspelt) {
    }

    record Record(Held subject, ProvisionType type, Set<String> sources, boolean anyPurpose, boolean withdrawn) {
    }

    /** Which person supplies each part of the request (-1: left out). */
    record Ask(int nhsFrom, int nameFrom, Purpose purpose) {
    }

    record World(List<Person> people, List<List<Held>> nodes, List<Record> records, boolean agreement, Ask ask,
            boolean complete) {
    }

    @Property
    void oneConsistentPersonOrNothingAndDeniesWin(@ForAll("worlds") World w) {
        List<LinkageToken> request = request(w);
        if (OnePerson.identifying(request).isEmpty()) {
            return;
        }
        List<FiledConsent> filed = new ArrayList<>();
        for (int i = 0; i < w.records().size(); i++) {
            Record r = w.records().get(i);
            List<LinkageToken> tokens = OnePerson.identifying(held(w, r.subject()));
            if (!tokens.isEmpty()) {
                filed.add(new FiledConsent(consent("c" + i, r, i), tokens));
            }
        }
        PersonConsents resolved = new ConsentResolver(new InMemoryConsentIndex(filed), 1000, 8).resolve(request, List.of());
        boolean mixed = mixed(w);
        Statistics.label("request").collect(mixed ? "mixed" : "one person");
        if (resolved.status() == PersonConsents.Status.IDENTIFIERS_DISAGREE) {
            Statistics.label("outcome").collect("refused by consent-service");
            return;
        }
        List<AgencyDecision> answers = PersonDecision.decide(new DecisionRequest(request, w.ask().purpose(), AGENCIES,
                Set.of()), RECIPIENT, resolved, w.agreement() ? agreements() : List.of(), List.of(),
                // Every record reviewed by every source: acknowledgement has its own property in consent-service.
                Acknowledged.byAll(filed.stream().map(FiledConsent::record).toList(), AGENCIES), Grounds.SPECIAL_ONLY, NOW);
        denyReachableThroughThePersonsRecordsWins(w, filed, request, answers, mixed);
        Map<String, Integer> released = new TreeMap<>();
        for (int n = 0; n < AGENCIES.size(); n++) {
            String agency = AGENCIES.get(n);
            AgencyDecision answer = answers.stream().filter(a -> a.agency().equals(agency)).findFirst().orElseThrow();
            if (answer.outcome() != Outcome.PERMIT) {
                continue;
            }
            List<Candidate> candidates = new ArrayList<>();
            for (Held h : w.nodes().get(n)) {
                candidates.add(new Candidate(String.valueOf(h.person()), held(w, h)));
            }
            var selection = PersonSelection.select(request, answer.anchors(), resolved.identityOf(answer.consentIds()),
                    candidates, null);
            Statistics.label("node").collect(selection.outcome().name());
            if (selection.outcome() != PersonSelection.Outcome.ONE) {
                continue;
            }
            Candidate chosen = selection.chosen();
            int person = Integer.parseInt(chosen.id());
            released.put(AGENCIES.get(n), person);
            releasedIsConsistentWithTheRequest(request, chosen);
            releasedIsTheConsentRecordsPerson(w, filed, answer, chosen, person);
            if (mixed && w.complete()) {
                throw new AssertionError("identifiers of two people released " + AGENCIES.get(n) + "'s record of person "
                        + person + " although every record holds every identifier");
            }
        }
        Statistics.label("outcome").collect(released.isEmpty() ? "nothing released" : "released");
    }

    private static void releasedIsConsistentWithTheRequest(List<LinkageToken> request, Candidate chosen) {
        var c = OnePerson.compare(request, chosen.tokens());
        assertThat(c.contradicted()).as("an identifier asked disagrees with the person released").isEmpty();
        assertThat(c.relation()).isIn(Relation.EXACT, Relation.STRONG);
    }

    private static void releasedIsTheConsentRecordsPerson(World w, List<FiledConsent> filed, AgencyDecision answer,
            Candidate chosen, int person) {
        Set<LinkageToken> basis = new HashSet<>();
        for (String id : answer.consentIds()) {
            FiledConsent record = filed.stream().filter(f -> f.record().id().equals(id)).findFirst().orElseThrow();
            basis.addAll(record.tokens());
            // Two records of one NHS number may spell the name differently (a typo): never a national identifier.
            assertThat(OnePerson.compare(chosen.tokens(), record.tokens()).contradicted())
                    .as("the person released disagrees with consent record %s on a national identifier", id)
                    .doesNotContainAnyElementsOf(OnePerson.NATIONAL);
            int about = w.records().get(Integer.parseInt(id.substring(1))).subject().person();
            // Where both the node's record and the consent record hold an NHS number, they settle who it is; where
            // either lacks one, name and date of birth are all anyone holds, and the two may be namesakes.
            boolean distinguishable = holdsNational(chosen.tokens()) && holdsNational(record.tokens());
            Statistics.label("consent basis").collect(about == person ? "the record's person"
                    : "a namesake no record tells apart");
            assertThat(about == person || !distinguishable && theirsOrPrevious(w, person, record.tokens()))
                    .as("released person %d under consent %s about person %d", person, id, about).isTrue();
        }
        if (!basis.isEmpty()) {
            assertThat(OnePerson.compare(chosen.tokens(), basis).relation())
                    .as("the person released is the consent records' person").isIn(Relation.EXACT, Relation.STRONG);
        }
    }

    private static boolean holdsNational(List<LinkageToken> tokens) {
        return tokens.stream().anyMatch(t -> OnePerson.NATIONAL.contains(t.getKind()));
    }

    /** The record's name and date of birth are truly the released person's too (current or previous name). */
    private static boolean theirsOrPrevious(World w, int person, List<LinkageToken> record) {
        Set<LinkageToken> theirs = w.people().get(person).all();
        return record.stream().filter(t -> !OnePerson.NATIONAL.contains(t.getKind())).anyMatch(theirs::contains);
    }

    /** A deny in force, in a record reachable from the request through records' shared tokens, is never overridden. */
    private static void denyReachableThroughThePersonsRecordsWins(World w, List<FiledConsent> filed,
            List<LinkageToken> request, List<AgencyDecision> answers, boolean mixed) {
        Set<LinkageToken> known = new HashSet<>(OnePerson.identifying(request));
        Set<String> reached = new LinkedHashSet<>();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (FiledConsent f : filed) {
                if (!reached.contains(f.record().id()) && f.tokens().stream().anyMatch(known::contains)) {
                    reached.add(f.record().id());
                    known.addAll(f.tokens());
                    grew = true;
                }
            }
        }
        for (FiledConsent f : filed) {
            if (!reached.contains(f.record().id()) || !f.record().inForceAt(NOW)) {
                continue;
            }
            for (Provision p : f.record().provisions()) {
                for (AgencyDecision answer : answers) {
                    if (p.type() == ProvisionType.DENY && p.appliesTo(answer.agency(), RECIPIENT, w.ask().purpose())) {
                        Statistics.label("deny").collect(f.tokens().stream().anyMatch(request::contains) ? "direct" : "linked");
                        assertThat(answer.categories()).as("a deny in %s", f.record().id())
                                .doesNotContainAnyElementsOf(p.categories().within(Categories.ALL));
                    }
                }
            }
        }
    }

    /** True when the request's identifiers fit no single person's true identity. */
    private static boolean mixed(World w) {
        List<LinkageToken> identifying = OnePerson.identifying(request(w));
        return w.people().stream().noneMatch(p -> p.all().containsAll(identifying));
    }

    private static List<LinkageToken> request(World w) {
        Ask a = w.ask();
        String nhs = a.nhsFrom() < 0 ? null : w.people().get(a.nhsFrom()).nhs();
        Person named = a.nameFrom() < 0 ? null : w.people().get(a.nameFrom());
        return LINKAGE.tokensFor(new PersonIdentifiers(nhs, null, named == null ? null : named.family(),
                named == null ? null : named.given(), named == null ? null : named.dob(), "NS1 4AB"));
    }

    private static List<LinkageToken> held(World w, Held h) {
        Person p = w.people().get(h.person());
        Set<LinkageToken> tokens = new LinkedHashSet<>();
        for (LinkageToken t : LINKAGE.tokensFor(p.identifiers(h.withNhs(), h.misspelt()))) {
            if (h.withName() || t.getKind() == org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS) {
                tokens.add(t);
            }
        }
        if (h.withName() && p.previous() != null) {
            tokens.addAll(LINKAGE.tokensFor(new PersonIdentifiers(null, null, p.previous(), p.given(), p.dob(), "NS1 4AB")));
        }
        return List.copyOf(tokens);
    }

    private static ConsentRecord consent(String id, Record r, int order) {
        Provision provision = new Provision(r.type(), r.sources(), Set.of(), r.anyPurpose() ? Set.of()
                : Set.of(Purpose.PURPOSE_CASE_MANAGEMENT), Set.of());
        return new ConsentRecord(id, 1, r.withdrawn() ? ConsentStatus.WITHDRAWN : ConsentStatus.ACTIVE, "digest",
                NOW.minus(Duration.ofDays(30)), null, new Evidence(EvidenceKind.SIGNED_FORM, "ref-" + id, null, "v1"),
                List.of(provision), "kw", RECIPIENT, NOW.minus(Duration.ofDays(20)).plusSeconds(order),
                r.withdrawn() ? new ConsentRecord.Withdrawal(NOW.minus(Duration.ofDays(1)), "kw", "withdrawn") : null,
                List.of());
    }

    private static List<SharingAgreement> agreements() {
        List<SharingAgreement> all = new ArrayList<>();
        for (String source : AGENCIES) {
            all.add(new SharingAgreement("isa-" + source, 1, IsaStatus.ACTIVE, source, new AgreementTerms("Known-to",
                    Set.of(RECIPIENT), Set.of(Purpose.PURPOSE_COORDINATION, Purpose.PURPOSE_CASE_MANAGEMENT),
                    EnumSet.of(DataCategory.DATA_CATEGORY_INVOLVEMENT), NOW.minus(Duration.ofDays(100)), null,
                    new SignOff("SIRO", "SIRO", NOW.minus(Duration.ofDays(100)))), "admin", NOW.minus(Duration.ofDays(100)),
                    null, List.of()));
        }
        return all;
    }

    // ---- generators

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Person> person = Combinators.combine(Arbitraries.of(FAMILIES), Arbitraries.of(GIVEN),
                        Arbitraries.of(BIRTHS), Arbitraries.of(FAMILIES).injectNull(0.75), Arbitraries.of(true, true, false))
                .as((family, given, dob, previous, numbered) -> new Person(0, numbered ? "" : null, family, given, dob,
                        previous));
        return Arbitraries.of(true, false, false).flatMap(complete -> person.list().ofMinSize(1).ofMaxSize(4)
                .map(ps -> number(ps, complete)).flatMap(ps -> {
            Arbitrary<Held> held = held(ps.size(), complete);
            Arbitrary<List<Held>> node = held.list().ofMaxSize(4).uniqueElements(Held::person);
            Arbitrary<Record> record = Combinators.combine(held, Arbitraries.of(ProvisionType.PERMIT, ProvisionType.PERMIT,
                            ProvisionType.DENY), Arbitraries.subsetOf(AGENCIES), Arbitraries.of(true, false),
                    Arbitraries.of(false, false, false, true)).as(Record::new);
            Arbitrary<Ask> ask = Combinators.combine(Arbitraries.integers().between(-1, ps.size() - 1),
                    Arbitraries.integers().between(-1, ps.size() - 1),
                    Arbitraries.of(Purpose.PURPOSE_CASE_MANAGEMENT, Purpose.PURPOSE_COORDINATION)).as(Ask::new);
            return Combinators.combine(node.list().ofSize(AGENCIES.size()), record.list().ofMaxSize(6),
                    Arbitraries.of(true, false), ask).as((nodes, records, agreement, a) -> new World(ps, nodes, records,
                    agreement, a, complete));
        }));
    }

    private static Arbitrary<Held> held(int people, boolean complete) {
        if (complete) {
            return Arbitraries.integers().between(0, people - 1).map(p -> new Held(p, true, true, false));
        }
        return Combinators.combine(Arbitraries.integers().between(0, people - 1), Arbitraries.of(true, true, false),
                Arbitraries.of(true, true, true, false), Arbitraries.of(false, false, false, false, true)).as(Held::new);
    }

    /** Ids in order, and an NHS number each (unique), where the generator gave one (always, in a complete world). */
    private static List<Person> number(List<Person> people, boolean complete) {
        List<Person> numbered = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            numbered.add(new Person(i, p.nhs() == null && !complete ? null : NHS[i], p.family(), p.given(), p.dob(), p.previous()));
        }
        return numbered;
    }
}
