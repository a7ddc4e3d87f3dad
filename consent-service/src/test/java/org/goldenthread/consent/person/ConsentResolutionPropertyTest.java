package org.goldenthread.consent.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.person.Histories.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.decision.Acknowledged;
import org.goldenthread.consent.decision.AgencyDecision;
import org.goldenthread.consent.decision.Grounds;
import org.goldenthread.consent.decision.DecisionRequest;
import org.goldenthread.consent.decision.Outcome;
import org.goldenthread.consent.decision.PersonDecision;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * "One person, one decision" (issue 13) over the resolution and the rules together, with generated
 * ground truth: 1–3 people who may be twins (same family name and date of birth) or namesakes (same name
 * and date of birth, other NHS and NI numbers), with previous names and names whose version-1 token
 * differs (Łukasz, Søren, Đorđević); random consent histories about them (permits and denies, withdrawn,
 * ended, revised), each recorded under whichever of the person's identifiers the recording agency had —
 * sometimes a previous name, a typo or the version-1 name token; random requests with any subset of one
 * person's identifiers, or mixing two people's. Invariants (the oracle works from the generated people and
 * records ({@link Histories}), not from {@link ConsentResolver}):
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

    @Property(tries = 3000)
    @StatisticsReport(label = "answer", format = Histogram.class)
    void oneDecisionIsAboutOnePerson(@ForAll("scenarios") Scenario s) {
        List<Person> people = people(s.people());
        List<Filed> records = records(s.records(), people);
        RequestSpec r = s.request();
        Histories.Asked asked = Histories.asked(r, people);
        List<LinkageToken> tokens = asked.tokens();
        List<LinkageToken> legacy = asked.legacy();
        Person subject = asked.subject();
        boolean mixed = asked.mixed();
        Statistics.label("request").collect(mixed ? "MIXED" : "ONE");

        List<SharingAgreement> agreements = s.agreement() ? List.of(agreement()) : List.of();
        DecisionRequest request = new DecisionRequest(tokens, r.purpose(), SOURCES, r.wanted(), null, legacy);
        List<FiledConsent> filed = records.stream().map(Filed::filed).toList();
        PersonConsents unbounded = new ConsentResolver(new InMemoryConsentIndex(filed), 10_000, 100)
                .resolve(tokens, legacy);
        // Every source has acknowledged every record: this property is about which records apply, not review.
        Acknowledged acknowledged = Acknowledged.byAll(filed.stream().map(f -> f.record()).toList(), request.agencies());
        List<AgencyDecision> answers = PersonDecision.decide(request, r.recipient(), unbounded, agreements, List.of(),
                acknowledged, Grounds.SPECIAL_ONLY, NOW);
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
        assertThat(PersonDecision.decide(request, r.recipient(), reordered, agreements, List.of(), acknowledged,
                Grounds.SPECIAL_ONLY, NOW))
                .as("filing order").isEqualTo(answers);

        PersonConsents bounded = new ConsentResolver(new InMemoryConsentIndex(filed), s.maxRecords(), s.maxRounds())
                .resolve(tokens, legacy);
        List<AgencyDecision> boundedAnswers = PersonDecision.decide(request, r.recipient(), bounded, agreements,
                List.of(), acknowledged, Grounds.SPECIAL_ONLY, NOW);
        Statistics.label("bound").collect(bounded.status() == PersonConsents.Status.TOO_MANY ? "exceeded" : "within");
        if (bounded.status() == PersonConsents.Status.TOO_MANY) {
            assertThat(boundedAnswers).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.DENY))
                    .allSatisfy(a -> assertThat(a.reason()).contains("consent records are linked to this person's"));
        } else {
            assertThat(boundedAnswers).as("within the bound, the same answer").isEqualTo(answers);
        }

        Statistics.label("answer").coverage(c -> {
            c.check("PERMIT").percentage(p -> p > 8);
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
                            Set<DataCategory> named = p.categories().within(Categories.ALL);
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

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Histories.scenarios();
    }
}
