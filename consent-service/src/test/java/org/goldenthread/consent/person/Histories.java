package org.goldenthread.consent.person;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentRevision;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
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
 * The generated world of {@link ConsentResolutionPropertyTest}: people (with the tokens they truly hold),
 * consent histories recorded about them under whichever identifiers the recording agency had, and requests
 * made with one person's identifiers or a mix of two people's. Specs are generated (and shrink); the
 * property materialises them into tokens with a fixed linkage key.
 */
final class Histories {

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
    static final List<LocalDate> BIRTHS = List.of(LocalDate.of(2007, 3, 14),
            LocalDate.of(1990, 1, 1));
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

    /**
     * What a request is asked with, as the gateway would send it.
     *
     * @param subject the person a one-person request is about (whoever's identifiers it took them all from)
     * @param mixed true when no one person holds every token asked with
     */
    record Asked(List<LinkageToken> tokens, List<LinkageToken> legacy, Person subject, boolean mixed) {
    }

    static Asked asked(RequestSpec r, List<Person> people) {
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
        Person subject = asked.current().containsAll(tokens) ? asked
                : people.stream().filter(p -> p.current().containsAll(tokens)).findFirst().orElse(asked);
        return new Asked(List.copyOf(tokens), legacy, subject, mixed);
    }

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

    static LinkageToken nameToken(String family, String given, LocalDate birth) {
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

    static Optional<LinkageToken> kind(List<LinkageToken> tokens, LinkageTokenKind kind) {
        return tokens.stream().filter(t -> t.getKind() == kind).findFirst();
    }

    static Arbitrary<Scenario> scenarios() {
        Arbitrary<List<PersonSpec>> people = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.just(2)), Tuple.of(2, Arbitraries.just(3))).flatMap(n -> person().list().ofSize(n));
        return Combinators.combine(people, record().list().ofMaxSize(10),
                        request(), Arbitraries.of(true, false),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1000)), Tuple.of(1, Arbitraries.of(2, 4))),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(8)), Tuple.of(1, Arbitraries.of(1, 2))),
                        Arbitraries.longs())
                .as(Scenario::new);
    }

    static Arbitrary<PersonSpec> person() {
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Kinship.INDEPENDENT)),
                        Tuple.of(1, Arbitraries.just(Kinship.TWIN)), Tuple.of(1, Arbitraries.just(Kinship.NAMESAKE))),
                optional(4, 0.8), optional(2, 0.5), Arbitraries.integers().between(0, FAMILY.size() - 1),
                Arbitraries.integers().between(0, GIVEN.size() - 1), Arbitraries.integers().between(0, BIRTHS.size() - 1),
                optional(PREVIOUS_FAMILY.size(), 0.25))
                .as(PersonSpec::new);
    }

    /** An index below {@code size}, or -1 (absent) with probability {@code 1 - present}. */
    static Arbitrary<Integer> optional(int size, double present) {
        int weight = (int) Math.round(present * 100);
        return Arbitraries.frequencyOf(Tuple.of(weight, Arbitraries.integers().between(0, size - 1)),
                Tuple.of(100 - weight, Arbitraries.just(-1)));
    }

    static Arbitrary<RecordSpec> record() {
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

    static Arbitrary<Provision> provision() {
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(ProvisionType.PERMIT)),
                        Tuple.of(2, Arbitraries.just(ProvisionType.DENY))),
                Arbitraries.of(SOURCES).set().ofMaxSize(1), Arbitraries.of(RECIPIENTS).set().ofMaxSize(1),
                Arbitraries.of(PURPOSES).set().ofMaxSize(1), Arbitraries.of(CATEGORIES).set().ofMaxSize(2))
                .as(Provision::new);
    }

    static Arbitrary<RequestSpec> request() {
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

    private Histories() {
    }
}
