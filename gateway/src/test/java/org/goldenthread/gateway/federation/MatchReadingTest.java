package org.goldenthread.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatchReadingTest {

    private static SubjectMatch match(String ref, MatchStrength strength, String confirmationRef) {
        return SubjectMatch.newBuilder().setSubjectRef(ref).setStrength(strength).setConfirmationRef(confirmationRef)
                .addMatchedKinds(LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA).build();
    }

    private static final SubjectMatch EXACT = match("a", MatchStrength.MATCH_STRENGTH_EXACT, "");
    private static final SubjectMatch STRONG = match("b", MatchStrength.MATCH_STRENGTH_STRONG, "");
    private static final SubjectMatch POSSIBLE = match("c", MatchStrength.MATCH_STRENGTH_POSSIBLE, "ref.1");

    @Nested
    class OnePerson {

        @Test
        void releasesOnePersonAtExactOrStrongStrength() {
            assertThat(MatchReading.of("Police", List.of(EXACT), false).status()).isEqualTo(AgencyStatus.OK);
            MatchReading strong = MatchReading.of("Police", List.of(STRONG), false);
            assertThat(strong.releases()).isTrue();
            assertThat(strong.matchStrength()).isEqualTo("STRONG");
        }

        @Test
        void readsNoMatchAsNoRecord() {
            assertThat(MatchReading.of("Police", List.of(), false).status()).isEqualTo(AgencyStatus.NO_RECORD);
        }

        @Test
        void releasesNothingForTwoPeopleEvenIfTheNodeSentThem() {
            MatchReading two = MatchReading.of("Police", List.of(EXACT, STRONG), false);
            assertThat(two.status()).isEqualTo(AgencyStatus.AMBIGUOUS);
            assertThat(two.releases()).isFalse();
            assertThat(two.code()).isEqualTo("AMBIGUOUS_SUBJECT");
            assertThat(two.matchStrength()).isNull();
        }
    }

    @Nested
    class PossibleMatches {

        @Test
        void offersOnePossibleMatchForConfirmation() {
            MatchReading possible = MatchReading.of("Housing", List.of(POSSIBLE), false);
            assertThat(possible.status()).isEqualTo(AgencyStatus.NEEDS_CONFIRMATION);
            assertThat(possible.releases()).isFalse();
            assertThat(possible.confirmation().ref()).isEqualTo("ref.1");
            assertThat(possible.confirmation().matchedOn()).containsExactly("FUZZY_NAME_DOB_AREA");
            assertThat(possible.confirmation().involvement()).isNull();
            assertThat(possible.confirmation().prompt()).isEqualTo("A person at Housing has a similar name, the same date of"
                    + " birth and lives in the same postcode district, but the match is not certain. Check with their lead"
                    + " worker at Housing, then confirm to see the record.");
        }

        @Test
        void offersNoneOfSeveralPossibleMatches() {
            MatchReading several = MatchReading.of("Housing", List.of(POSSIBLE, match("d", MatchStrength.MATCH_STRENGTH_POSSIBLE, "ref.2")), false);
            assertThat(several.status()).isEqualTo(AgencyStatus.AMBIGUOUS);
            assertThat(several.confirmation()).isNull();
        }

        @Test
        void releasesAPossibleMatchOnlyUnderTheKeyWorkersConfirmation() {
            SubjectMatch released = match("c", MatchStrength.MATCH_STRENGTH_POSSIBLE, "");
            assertThat(MatchReading.of("Housing", List.of(released), false).status()).isEqualTo(AgencyStatus.NO_RECORD);
            MatchReading confirmed = MatchReading.of("Housing", List.of(released), true);
            assertThat(confirmed.status()).isEqualTo(AgencyStatus.OK);
            assertThat(confirmed.confirmed()).isTrue();
            assertThat(confirmed.matchStrength()).isEqualTo("POSSIBLE");
        }

        @Test
        void asksAgainWhenTheNodeIssuesAFreshReferenceDespiteAConfirmation() {
            assertThat(MatchReading.of("Housing", List.of(POSSIBLE), true).status()).isEqualTo(AgencyStatus.NEEDS_CONFIRMATION);
        }

        @Test
        void offersNoReferenceTheKeyWorkerCouldNotSendBack() {
            SubjectMatch unusable = match("c", MatchStrength.MATCH_STRENGTH_POSSIBLE, "has spaces/and slashes");
            assertThat(MatchReading.of("Housing", List.of(unusable), false).status()).isEqualTo(AgencyStatus.NO_RECORD);
            SubjectMatch tooLong = match("c", MatchStrength.MATCH_STRENGTH_POSSIBLE, "a".repeat(513));
            assertThat(MatchReading.of("Housing", List.of(tooLong), false).status()).isEqualTo(AgencyStatus.NO_RECORD);
        }
    }
}
