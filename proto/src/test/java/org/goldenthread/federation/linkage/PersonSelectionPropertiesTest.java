package org.goldenthread.federation.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldenthread.federation.linkage.PersonSelection.Candidate;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * The node's half of "one person" on generated populations: a few families sharing family names,
 * twins (same family name and birth date), namesakes (same name and birth date, other NHS number),
 * previous names, records with and without an NHS number; requests with any subset of one person's
 * identifiers, or one person's NHS number with another's name and date of birth.
 */
class PersonSelectionPropertiesTest {

    static final LinkageTokens LINKAGE = TestKeys.tokens();
    static final String[] FAMILIES = {"Hale", "Hail", "Davis", "Łukasiewicz"};
    static final String[] GIVEN = {"Tom", "Tim", "Karen", "Юлия"};
    static final String[] NHS = {"9434765919", "4010232137", "4857773457", "4505577104", "4639284756", "4123456782"};

    /** A person as the world knows them; a node may hold only part of it. */
    record Person(int id, String nhs, String family, String given, LocalDate dob, String previousFamily) {

        List<LinkageToken> all() {
            Set<LinkageToken> tokens = new HashSet<>(LINKAGE.tokensFor(new PersonIdentifiers(nhs, null, family, given, dob, "NS1 4AB")));
            if (previousFamily != null) {
                tokens.addAll(LINKAGE.tokensFor(new PersonIdentifiers(null, null, previousFamily, given, dob, "NS1 4AB")));
            }
            return List.copyOf(tokens);
        }

        List<LinkageToken> heldBy(boolean withNhs) {
            return all().stream().filter(t -> withNhs || t.getKind() != LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).toList();
        }
    }

    record Scenario(List<Person> people, List<Boolean> nodeHoldsNhs, List<Boolean> nodeHolds, int asked, int other,
            boolean mixed, int subset) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Person> person = Combinators.combine(
                Arbitraries.integers().between(0, NHS.length - 1), Arbitraries.of(FAMILIES), Arbitraries.of(GIVEN),
                Arbitraries.integers().between(0, 2), Arbitraries.of(FAMILIES).injectNull(0.7))
                .as((nhs, family, given, day, previous) -> new Person(0, NHS[nhs], family, given,
                        LocalDate.of(2000, 1, 1 + day), previous));
        return Combinators.combine(person.list().ofMinSize(2).ofMaxSize(6),
                        Arbitraries.of(true, false).list().ofSize(6), Arbitraries.of(true, true, false).list().ofSize(6),
                        Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false), Arbitraries.integers().between(1, 7))
                .as((people, nhs, holds, asked, other, mixed, subset) -> {
                    // NHS numbers are unique to a person: give later duplicates none.
                    List<Person> numbered = new ArrayList<>();
                    Set<String> used = new HashSet<>();
                    for (int i = 0; i < people.size(); i++) {
                        Person p = people.get(i);
                        String number = used.add(p.nhs()) ? p.nhs() : null;
                        numbered.add(new Person(i, number, p.family(), p.given(), p.dob(), p.previousFamily()));
                    }
                    return new Scenario(numbered, nhs, holds, asked % numbered.size(), other % numbered.size(), mixed,
                            subset);
                });
    }

    @Property(tries = 4000)
    void aReleaseIsOfOnePersonConsistentWithEveryIdentifierAsked(@ForAll("scenarios") Scenario s) {
        List<Candidate> candidates = new ArrayList<>();
        for (Person p : s.people()) {
            if (s.nodeHolds().get(p.id())) {
                candidates.add(new Candidate("p" + p.id(), p.heldBy(s.nodeHoldsNhs().get(p.id()))));
            }
        }
        List<LinkageToken> request = request(s);
        if (!OnePerson.repeatedKinds(request).isEmpty() || OnePerson.identifying(request).isEmpty()) {
            return;
        }
        var selection = PersonSelection.select(request, Set.of(), candidates, null);
        if (selection.outcome() != Outcome.ONE) {
            assertThat(selection.chosen()).isNull();
            return;
        }
        Candidate chosen = selection.chosen();
        Comparison c = OnePerson.compare(request, chosen.tokens());
        assertThat(c.contradicted()).as("no identifier asked disagrees with the released person").isEmpty();
        assertThat(c.shared()).as("an identifier in common").anySatisfy(k -> assertThat(OnePerson.IDENTIFYING).contains(k));
        // Nobody else held here is consistent with the request at release strength.
        for (Candidate other : candidates) {
            if (other != chosen) {
                assertThat(OnePerson.compare(request, other.tokens()).relation().releasable()).isFalse();
            }
        }
        if (s.mixed()) {
            Person a = s.people().get(s.asked());
            Person b = s.people().get(s.other());
            boolean distinguishable = !a.nhs().equals(b.nhs() == null ? "" : b.nhs());
            // Where the node holds both people completely, a mixed question releases neither.
            if (distinguishable && heldCompletely(s, a) && heldCompletely(s, b) && !sameNameAndBirth(a, b)) {
                assertThat(chosen.id()).isNotIn("p" + a.id(), "p" + b.id());
            }
        }
    }

    private static boolean heldCompletely(Scenario s, Person p) {
        return s.nodeHolds().get(p.id()) && s.nodeHoldsNhs().get(p.id()) && p.nhs() != null;
    }

    private static boolean sameNameAndBirth(Person a, Person b) {
        return NameNormaliser.normalise(a.family()).equals(NameNormaliser.normalise(b.family()))
                && a.given().equals(b.given()) && a.dob().equals(b.dob());
    }

    /** A subset of the asked person's identifiers, or their NHS number with the other's name and birth date. */
    private static List<LinkageToken> request(Scenario s) {
        Person asked = s.people().get(s.asked());
        if (s.mixed()) {
            Person other = s.people().get(s.other());
            if (asked.nhs() == null || other.id() == asked.id()) {
                return List.of();
            }
            List<LinkageToken> mixed = new ArrayList<>(LINKAGE.tokensFor(new PersonIdentifiers(asked.nhs(), null, null, null,
                    null, null)));
            mixed.addAll(LINKAGE.tokensFor(new PersonIdentifiers(null, null, other.family(), other.given(), other.dob(),
                    "NS1 4AB")));
            return mixed;
        }
        List<LinkageToken> all = LINKAGE.tokensFor(new PersonIdentifiers(asked.nhs(), null, asked.family(), asked.given(),
                asked.dob(), "NS1 4AB"));
        List<LinkageToken> subset = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((s.subset() >> i & 1) == 1) {
                subset.add(all.get(i));
            }
        }
        return subset;
    }
}
