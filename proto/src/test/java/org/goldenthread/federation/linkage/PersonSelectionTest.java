package org.goldenthread.federation.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.linkage.PersonSelection.Candidate;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one-person rule on worked examples; {@code OnePersonProperties} tries it on generated populations. */
class PersonSelectionTest {

    static final LinkageTokens LINKAGE = TestKeys.tokens();
    static final LocalDate DOB = LocalDate.of(2007, 3, 14);

    static List<LinkageToken> tokens(String nhs, String family, String given, LocalDate dob, String postcode) {
        return LINKAGE.tokensFor(new PersonIdentifiers(nhs, null, family, given, dob, postcode));
    }

    static List<LinkageToken> only(List<LinkageToken> tokens, LinkageTokenKind... kinds) {
        return tokens.stream().filter(t -> List.of(kinds).contains(t.getKind())).toList();
    }

    static List<LinkageToken> union(List<LinkageToken> a, List<LinkageToken> b) {
        List<LinkageToken> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static final List<LinkageToken> TOM = tokens("9434765919", "Hale", "Tom", DOB, "NS1 4AB");
    static final List<LinkageToken> KAREN = tokens("4010232137", "Hale", "Karen", LocalDate.of(1981, 6, 2), "NS1 4AB");
    /** Another Tom Hale born the same day, another NHS number. */
    static final List<LinkageToken> NAMESAKE = tokens("4857773457", "Hale", "Tom", DOB, "NS3 9QT");

    static PersonSelection.Selection select(List<LinkageToken> request, Candidate... candidates) {
        return PersonSelection.select(request, Set.of(), List.of(candidates), null);
    }

    @Nested
    class OnePersonAtRelease {

        @Test
        void releasesTheOnePersonEveryIdentifierAgreesWith() {
            var s = select(TOM, new Candidate("tom", TOM), new Candidate("karen", KAREN));
            assertThat(s.outcome()).isEqualTo(Outcome.ONE);
            assertThat(s.chosen().id()).isEqualTo("tom");
        }

        @Test
        void anyOneIdentifierOfThePersonFindsThem() {
            assertThat(select(only(TOM, LINKAGE_TOKEN_KIND_NHS), new Candidate("tom", TOM)).chosen().id()).isEqualTo("tom");
            assertThat(select(only(TOM, LINKAGE_TOKEN_KIND_NAME_DOB), new Candidate("tom", TOM)).chosen().id())
                    .isEqualTo("tom");
        }

        @Test
        void aNodeRecordWithoutAnNhsNumberIsNotContradictedByOne() {
            var s = select(TOM, new Candidate("tom", only(TOM, LINKAGE_TOKEN_KIND_NAME_DOB)));
            assertThat(s.outcome()).isEqualTo(Outcome.ONE);
        }

        @Test
        void aPreviousNameIsAgreementNotContradiction() {
            List<LinkageToken> married = union(TOM, only(tokens(null, "Smith", "Tom", DOB, "NS1 4AB"),
                    LINKAGE_TOKEN_KIND_NAME_DOB));
            assertThat(select(tokens("9434765919", "Smith", "Tom", DOB, null), new Candidate("tom", married)).outcome())
                    .isEqualTo(Outcome.ONE);
        }
    }

    @Nested
    class MixedIdentifiers {

        @Test
        void oneNhsNumberWithAnotherPersonsNameAndBirthDateReleasesNothing() {
            List<LinkageToken> mixed = union(only(TOM, LINKAGE_TOKEN_KIND_NHS), only(KAREN, LINKAGE_TOKEN_KIND_NAME_DOB));
            var s = select(mixed, new Candidate("tom", TOM), new Candidate("karen", KAREN));
            assertThat(s.outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(s.chosen()).isNull();
        }

        @Test
        void evenWhenTheNodeHoldsOnlyOneOfThem() {
            List<LinkageToken> mixed = union(only(TOM, LINKAGE_TOKEN_KIND_NHS), only(KAREN, LINKAGE_TOKEN_KIND_NAME_DOB));
            assertThat(select(mixed, new Candidate("tom", TOM)).outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(select(mixed, new Candidate("karen", KAREN)).outcome()).isEqualTo(Outcome.CONFLICT);
        }

        @Test
        void twoPeopleSharingNameAndBirthDateAreAmbiguousByNameAlone() {
            var s = select(only(TOM, LINKAGE_TOKEN_KIND_NAME_DOB), new Candidate("tom", TOM), new Candidate("other", NAMESAKE));
            assertThat(s.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        }

        @Test
        void aNamesakeWithAnotherNhsNumberMakesTheNodeReleaseNothing() {
            // The name and date of birth the key-worker gave belong to two people here: nothing goes out.
            var s = select(TOM, new Candidate("tom", TOM), new Candidate("other", NAMESAKE));
            assertThat(s.outcome()).isEqualTo(Outcome.CONFLICT);
        }
    }

    @Nested
    class Anchors {

        @Test
        void theMatchMustShareAnIdentifierTheBasisIsKnownBy() {
            // Consent recorded under the NHS number alone; the node knows its person by name and birth date only.
            var byName = new Candidate("tom", only(TOM, LINKAGE_TOKEN_KIND_NAME_DOB));
            var s = PersonSelection.select(TOM, Set.of(LINKAGE_TOKEN_KIND_NHS), List.of(byName), null);
            assertThat(s.outcome()).isEqualTo(Outcome.NOT_ANCHORED);
            var both = new Candidate("tom", TOM);
            assertThat(PersonSelection.select(TOM, Set.of(LINKAGE_TOKEN_KIND_NHS), List.of(both), null).outcome())
                    .isEqualTo(Outcome.ONE);
        }
    }

    @Nested
    class BasisIdentity {

        @Test
        void aPersonTheRequestFitsButTheConsentRecordDoesNotIsNotReleased() {
            // Asked by name and birth date only; the consent was recorded with Tom's NHS number; the node holds
            // only the namesake, whose NHS number is another.
            List<LinkageToken> basis = TokenHashes.hashAll(OnePerson.identifying(TOM));
            var s = PersonSelection.select(only(TOM, LINKAGE_TOKEN_KIND_NAME_DOB), Set.of(LINKAGE_TOKEN_KIND_NAME_DOB),
                    basis, List.of(new Candidate("other", NAMESAKE)), null);
            assertThat(s.outcome()).isEqualTo(Outcome.NOT_ANCHORED);
            var tom = PersonSelection.select(only(TOM, LINKAGE_TOKEN_KIND_NAME_DOB), Set.of(LINKAGE_TOKEN_KIND_NAME_DOB),
                    basis, List.of(new Candidate("tom", TOM)), null);
            assertThat(tom.outcome()).isEqualTo(Outcome.ONE);
        }

        @Test
        void hashedTokensCompareAsTheTokensDo() {
            for (List<LinkageToken> other : List.of(TOM, KAREN, NAMESAKE)) {
                assertThat(OnePerson.compare(TokenHashes.hashAll(TOM), TokenHashes.hashAll(other)).relation())
                        .isEqualTo(OnePerson.compare(TOM, other).relation());
            }
            LinkageToken hashed = TokenHashes.hash(TOM.get(0));
            assertThat(TokenHashes.parse(TokenHashes.text(hashed))).isEqualTo(hashed);
            assertThat(TokenHashes.text(hashed)).doesNotContain(TOM.get(0).getValue());
        }
    }

    @Nested
    class PossibleMatches {

        final List<LinkageToken> misspelt = tokens(null, "Hail", "Tom", DOB, "NS1 4XY");

        @Test
        void aSpellingVariantIsOnlyPossible() {
            var s = select(tokens(null, "Hale", "Tom", DOB, "NS1 4AB"), new Candidate("tom", misspelt));
            assertThat(OnePerson.compare(tokens(null, "Hale", "Tom", DOB, "NS1 4AB"), misspelt).relation())
                    .isEqualTo(Relation.POSSIBLE);
            assertThat(s.outcome()).isEqualTo(Outcome.POSSIBLE);
            assertThat(s.possible()).extracting(Candidate::id).containsExactly("tom");
        }

        @Test
        void aConfirmedPossibleMatchIsReleased() {
            var s = PersonSelection.select(tokens(null, "Hale", "Tom", DOB, "NS1 4AB"), Set.of(),
                    List.of(new Candidate("tom", misspelt)), "tom");
            assertThat(s.outcome()).isEqualTo(Outcome.ONE);
            assertThat(s.confirmed()).isTrue();
        }

        @Test
        void aConfirmationOfSomeoneElseReleasesNothing() {
            var s = PersonSelection.select(tokens(null, "Hale", "Tom", DOB, "NS1 4AB"), Set.of(),
                    List.of(new Candidate("tom", misspelt)), "karen");
            assertThat(s.outcome()).isEqualTo(Outcome.POSSIBLE);
        }

        @Test
        void aDisagreeingNhsNumberRulesOutAPossibleMatch() {
            List<LinkageToken> other = tokens("4857773457", "Hail", "Tom", DOB, "NS1 4XY");
            assertThat(select(tokens("9434765919", "Hale", "Tom", DOB, "NS1 4AB"), new Candidate("x", other)).outcome())
                    .isEqualTo(Outcome.NONE);
            assertThat(only(other, LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA)).isNotEmpty();
        }
    }

    @Test
    void repeatedKindsAreNamed() {
        assertThat(OnePerson.repeatedKinds(union(TOM, KAREN))).containsExactlyInAnyOrder(LINKAGE_TOKEN_KIND_NHS,
                LINKAGE_TOKEN_KIND_NAME_DOB, LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
        assertThat(OnePerson.repeatedKinds(union(TOM, TOM))).isEmpty();
    }

    @Test
    void tokensUnderAnotherKeyNeitherAgreeNorDisagree() {
        LinkageTokens rotated = new LinkageTokens(TestKeys.key("k2", 7));
        List<LinkageToken> underNewKey = rotated.tokensFor(new PersonIdentifiers("9434765919", null, "Hale", "Tom", DOB, null));
        Comparison c = OnePerson.compare(underNewKey, TOM);
        assertThat(c.relation()).isEqualTo(Relation.NONE);
        assertThat(c.contradicted()).isEmpty();
    }
}
