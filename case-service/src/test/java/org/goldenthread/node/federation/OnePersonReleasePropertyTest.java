package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.casework.CaseDetails;
import org.goldenthread.node.casework.CaseState;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.casework.NewCase;
import org.goldenthread.node.casework.Rag;
import org.goldenthread.node.store.Saved;
import org.goldenthread.node.subject.NewSubject;
import org.goldenthread.node.subject.SubjectDetails;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/**
 * The node's release path as a property (issue 13): random local populations where names and
 * dates of birth are shared, twins differ by first name only, some carry a previous family name and
 * names sound alike (Hale, Hall, Hail); random requests mixing the identifiers of one or two of
 * them, with typos. Whatever the node answers: every record released belongs to exactly one local
 * person, that person is consistent with every identifying token of the request (holds it, or holds
 * no token of its kind) and shares one, and no other local person holds any of the request's
 * identifying tokens: identifiers of two people release nothing. Each try gets dates of birth of
 * its own, so populations of different tries never meet.
 */
class OnePersonReleasePropertyTest {

    static final List<String> FAMILY = List.of("Hale", "Hall", "Reed");
    static final List<String> GIVEN = List.of("Sam", "Sami", "Tom");
    static final List<String> POSTCODES = List.of("LS6 1AA", "LS6 2BB", "LS7 1AA");
    static final Set<String> REFUSALS = Set.of("IDENTIFIERS_DISAGREE", "AMBIGUOUS_SUBJECT", "NOT_ANCHORED");
    static TestNode node;
    static NodeClient client;
    static final AtomicInteger tries = new AtomicInteger();
    static final AtomicInteger nhsSerial = new AtomicInteger(100_000_000);

    /** A local person, by pool indexes; {@code previous} &lt; 0 for none, {@code nhs} false for none. */
    record Person(int family, int given, int born, boolean nhs, int postcode, int previous) {
    }

    /**
     * Where each identifier of the request comes from: 0 the first person, 1 the second, -1 left out.
     *
     * @param previousName the name source's previous family name instead of its current one
     * @param typo the family name misspelt (Hale → Hail, Hall → Hal, Reed → Read)
     */
    record Ask(int second, int nhsFrom, int nameFrom, int postcodeFrom, boolean previousName, boolean typo,
            int anchors, boolean possibleMinimum) {
    }

    @BeforeContainer
    static void boot() throws Exception {
        node = new TestNode(Files.createTempDirectory("gt-one-person"));
        client = new NodeClient(node);
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        node.close();
    }

    @Provide
    Arbitrary<List<Person>> populations() {
        Arbitrary<Person> person = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1), Arbitraries.of(true, true, false), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(-3, 2)).as(Person::new);
        return person.list().ofMinSize(2).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Ask>> asks() {
        Arbitrary<Integer> source = Arbitraries.integers().between(-1, 1);
        return Combinators.combine(Arbitraries.integers().between(0, 4), source, source, source, Arbitraries.of(false, false, true),
                Arbitraries.of(false, false, true), Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                .as(Ask::new).list().ofMinSize(1).ofMaxSize(3);
    }

    /** Tries: {@code jqwik.tries.default} (120 in junit-platform.properties; -Djqwik.tries.default=2000 for a longer run). */
    @Property
    void releasesOnePersonConsistentWithTheRequestOrNothing(@ForAll("populations") List<Person> population,
            @ForAll("asks") List<Ask> asks) {
        int t = tries.incrementAndGet();
        LocalDate[] born = {LocalDate.of(1940, 1, 1).plusDays(2L * t), LocalDate.of(1940, 1, 1).plusDays(2L * t + 1)};
        List<SubjectDetails> details = new ArrayList<>();
        for (Person p : population) {
            details.add(new SubjectDetails(FAMILY.get(p.family()), GIVEN.get(p.given()), born[p.born()],
                    p.nhs() ? nextNhs() : null, null, POSTCODES.get(p.postcode()),
                    p.previous() >= 0 && p.previous() != p.family() ? List.of(FAMILY.get(p.previous())) : List.of()));
        }
        Map<String, Integer> personOfCase = store(t, details);
        List<List<LinkageToken>> stored = details.stream().map(OnePersonReleasePropertyTest::tokensOf).toList();

        for (Ask ask : asks) {
            int[] who = {0, Math.min(ask.second(), details.size() - 1)};
            List<LinkageToken> request = request(ask, who, details);
            if (request.isEmpty()) {
                continue;
            }
            Set<LinkageTokenKind> anchors = switch (ask.anchors()) {
                case 1 -> Set.of(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS);
                case 2 -> Set.of(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);
                default -> Set.of();
            };
            GetSubjectRecordResponse response;
            try {
                response = client.stub(NodeClient.grant(NodeClient.REQUESTER, request, Purpose.PURPOSE_CASE_MANAGEMENT,
                        anchors, DataCategory.DATA_CATEGORY_CRIME)).getSubjectRecord(GetSubjectRecordRequest.newBuilder()
                        .addAllTokens(request).setMinimumStrength(ask.possibleMinimum()
                                ? MatchStrength.MATCH_STRENGTH_POSSIBLE : MatchStrength.MATCH_STRENGTH_UNSPECIFIED).build());
            } catch (StatusRuntimeException e) {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                assertThat(REFUSALS).contains(NodeClient.errorInfo(e).getReason());
                Statistics.collect("refused");
                continue;
            }
            Set<Integer> owners = new HashSet<>();
            response.getCasesList().forEach(c -> owners.add(personOfCase.get(c.getCaseId())));
            if (owners.isEmpty()) {
                Statistics.collect(response.getMatchesCount() == 0 ? "no match" : "possible match");
                continue;
            }
            Statistics.collect("released");
            assertThat(owners).as("records of one person only").hasSize(1);
            int p = owners.iterator().next();
            List<LinkageToken> identifying = OnePerson.identifying(request);
            assertThat(identifying).as("shares an identifying token").anyMatch(stored.get(p)::contains);
            for (LinkageToken asked : identifying) {
                boolean holdsIt = stored.get(p).contains(asked);
                boolean holdsKind = stored.get(p).stream().anyMatch(s -> s.getKind() == asked.getKind());
                assertThat(holdsIt || !holdsKind).as("consistent with every identifying token").isTrue();
                for (int q = 0; q < stored.size(); q++) {
                    assertThat(q != p && stored.get(q).contains(asked)).as("no other person holds one of them").isFalse();
                }
            }
        }
    }

    /** The request's tokens, as an asking agency computes them from identifiers taken from one or two persons. */
    static List<LinkageToken> request(Ask ask, int[] who, List<SubjectDetails> details) {
        SubjectDetails nhs = ask.nhsFrom() < 0 ? null : details.get(who[ask.nhsFrom()]);
        SubjectDetails name = ask.nameFrom() < 0 ? null : details.get(who[ask.nameFrom()]);
        SubjectDetails area = ask.postcodeFrom() < 0 ? null : details.get(who[ask.postcodeFrom()]);
        String family = null;
        if (name != null) {
            family = ask.previousName() && !name.previousNames().isEmpty() ? name.previousNames().get(0) : name.familyName();
            family = ask.typo() ? typo(family) : family;
        }
        return client.node.linkage().tokensFor(new PersonIdentifiers(nhs == null ? null : nhs.nhsNumber(), null, family,
                name == null ? null : name.givenName(), name == null ? null : name.dateOfBirth(),
                area == null ? null : area.postcode()));
    }

    static String typo(String family) {
        return switch (family) {
            case "Hale" -> "Hail";
            case "Hall" -> "Hal";
            default -> "Read";
        };
    }

    /** Every token the node stores for the person: current and previous names. */
    static List<LinkageToken> tokensOf(SubjectDetails d) {
        List<LinkageToken> tokens = new ArrayList<>(client.node.linkage().tokensFor(new PersonIdentifiers(d.nhsNumber(), null,
                d.familyName(), d.givenName(), d.dateOfBirth(), d.postcode())));
        for (String previous : d.previousNames()) {
            tokens.addAll(client.node.linkage().tokensFor(new PersonIdentifiers(null, null, previous, d.givenName(),
                    d.dateOfBirth(), d.postcode())));
        }
        return tokens;
    }

    /** Stores the population (one open CRIME case each) through the stores' imports; case id to person index. */
    static Map<String, Integer> store(int t, List<SubjectDetails> details) {
        List<NewSubject> subjects = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            subjects.add(new NewSubject("T" + t + "-P" + i, details.get(i), "prop"));
        }
        List<Saved> saved = client.node.bean(SubjectStore.class).importNew(subjects);
        List<NewCase> cases = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            cases.add(new NewCase("T" + t + "-C" + i, new CaseDetails(saved.get(i).id(), "offender",
                    DataCategory.DATA_CATEGORY_CRIME, CaseState.OPEN, Instant.parse("2026-01-01T00:00:00Z"), null, "PC Prop",
                    "team", "contact", Rag.RED, List.of(), null), "prop"));
        }
        List<Saved> savedCases = client.node.bean(CaseStore.class).importNew(cases);
        Map<String, Integer> personOfCase = new HashMap<>();
        for (int i = 0; i < savedCases.size(); i++) {
            personOfCase.put(savedCases.get(i).id(), i);
        }
        return personOfCase;
    }

    /** A fresh valid NHS number (modulus-11 check digit; serials giving check 10 skipped). */
    static String nextNhs() {
        while (true) {
            String nine = Integer.toString(nhsSerial.incrementAndGet());
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
