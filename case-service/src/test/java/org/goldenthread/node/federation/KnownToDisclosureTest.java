package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.Involvement;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.goldenthread.node.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known-to facts that would reveal a withheld category: the team, lead worker and contact of a case
 * in a special category (health, substance misuse) or one this node marks sensitive (FINANCE here,
 * by {@code goldenthread.node.sensitive-categories}) leave only under a grant covering that category,
 * in MatchSubject, in GetSubjectRecord's matches and on the POSSIBLE-match path alike. Whether the
 * agency is involved, and since when, still leaves.
 */
class KnownToDisclosureTest {

    static final DataCategory INVOLVEMENT = DataCategory.DATA_CATEGORY_INVOLVEMENT;
    static final DataCategory HEALTH_MENTAL = DataCategory.DATA_CATEGORY_HEALTH_MENTAL;
    static final String PSYCHOSIS_TEAM = "Early Intervention in Psychosis";

    @TempDir
    static Path data;
    static TestNode node;
    static NodeClient client;
    static List<LinkageToken> tom;
    static List<LinkageToken> karen;
    static List<LinkageToken> sam;

    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data, "--goldenthread.node.sensitive-categories=finance");
        client = new NodeClient(node);
        client.ok("/api/subjects/TOM", """
                {"familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14","postcode":"NS1 4AB","nhsNumber":"9434765919"}""");
        client.openCase("C-TOM", "TOM", "HEALTH_MENTAL", "2026-03-01", "Dr Amira Khan", PSYCHOSIS_TEAM, "eip@trust.example");
        tom = client.tokens("9434765919", "Hale", "Tom", LocalDate.of(2007, 3, 14), "NS1 4AB");

        client.ok("/api/subjects/KAREN", """
                {"familyName":"Hale","givenName":"Karen","dateOfBirth":"1985-06-20"}""");
        client.openCase("C-KAREN-1", "KAREN", "CRIME", "2025-05-01", "PC Jones", "Integrated Offender Management",
                "iom@police.example");
        client.openCase("C-KAREN-2", "KAREN", "SUBSTANCE_MISUSE", "2026-02-01", "Lee Wong", "Drug and alcohol service",
                "das@recovery.example");
        karen = client.tokens(null, "Hale", "Karen", LocalDate.of(1985, 6, 20), null);

        client.ok("/api/subjects/SAM", """
                {"familyName":"Ode","givenName":"Sam","dateOfBirth":"1990-01-01"}""");
        client.openCase("C-SAM", "SAM", "FINANCE", "2026-01-05", "Jo Bell", "Debt advice", "debt@council.example");
        sam = client.tokens(null, "Ode", "Sam", LocalDate.of(1990, 1, 1), null);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static Involvement knownTo(List<LinkageToken> tokens, Purpose purpose, DataCategory... scope) {
        var response = client.stub(NodeClient.grant(NodeClient.REQUESTER, tokens, purpose, Set.of(), scope))
                .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tokens).build());
        assertThat(response.getMatchesList()).hasSize(1);
        return response.getMatches(0).getInvolvement();
    }

    static void assertFactsWithheld(Involvement involvement) {
        assertThat(involvement.getOpenCase()).isTrue();
        assertThat(involvement.hasSince()).isTrue();
        assertThat(involvement.getTeam()).isEmpty();
        assertThat(involvement.getLeadWorker()).isEmpty();
        assertThat(involvement.getContact()).isEmpty();
    }

    @Nested
    class ASpecialCategoryCase {

        @Test
        void withholdsThePsychosisTeamUnderInvolvementWithoutHealthMental() {
            Involvement involvement = knownTo(tom, Purpose.PURPOSE_COORDINATION, INVOLVEMENT);
            assertFactsWithheld(involvement);
            assertThat(involvement.toString()).doesNotContain("Psychosis", "Amira", "trust.example");
        }

        @Test
        void showsThePsychosisTeamWithHealthMentalInScope() {
            Involvement involvement = knownTo(tom, Purpose.PURPOSE_CASE_MANAGEMENT, INVOLVEMENT, HEALTH_MENTAL);
            assertThat(involvement.getTeam()).isEqualTo(PSYCHOSIS_TEAM);
            assertThat(involvement.getLeadWorker()).isEqualTo("Dr Amira Khan");
            assertThat(involvement.getContact()).isEqualTo("eip@trust.example");
        }

        @Test
        void withholdsItInGetSubjectRecordsMatchesToo() {
            var response = client.stub(NodeClient.grant(tom, INVOLVEMENT, DataCategory.DATA_CATEGORY_CRIME))
                    .getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(tom).build());
            assertFactsWithheld(response.getMatches(0).getInvolvement());
            assertThat(response.toString()).doesNotContain("Psychosis");
        }

        @Test
        void showsItUnderCoordinationWhereTheAgreementNamesHealthMentalAndReleasesNoRecordStill() {
            // consent-service issues this where the trust's agreement names HEALTH_MENTAL for COORDINATION: the
            // known-to facts may then say which team, and still no record leaves.
            assertThat(knownTo(tom, Purpose.PURPOSE_COORDINATION, INVOLVEMENT, HEALTH_MENTAL).getTeam()).isEqualTo(PSYCHOSIS_TEAM);
            var response = client.stub(NodeClient.grant(NodeClient.REQUESTER, tom, Purpose.PURPOSE_COORDINATION, Set.of(),
                    INVOLVEMENT, HEALTH_MENTAL)).getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(tom).build());
            assertThat(response.getMatches(0).getInvolvement().getTeam()).isEqualTo(PSYCHOSIS_TEAM);
            assertThat(response.getCasesList()).isEmpty();
            assertThat(response.getEventsList()).isEmpty();
            assertThat(response.getReleasedCategoriesList()).containsExactly(INVOLVEMENT);
        }

        @Test
        void withholdsItWhenTheGrantCoversHealthMentalButTheRequestDoesNotAskForIt() {
            var response = client.stub(NodeClient.grant(tom, INVOLVEMENT, HEALTH_MENTAL)).getSubjectRecord(
                    GetSubjectRecordRequest.newBuilder().addAllTokens(tom).addCategories(INVOLVEMENT).build());
            assertFactsWithheld(response.getMatches(0).getInvolvement());
        }
    }

    @Nested
    class APossibleMatch {

        /** As another agency spells him: Hail, same date of birth and postcode district. */
        final List<LinkageToken> tomSpeltOtherwise = client.tokens(null, "Hail", "Tom", LocalDate.of(2007, 3, 14), "NS1 9ZZ");

        SubjectMatch possible(DataCategory... scope) {
            var response = client.stub(NodeClient.grant(tomSpeltOtherwise, scope))
                    .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tomSpeltOtherwise).build());
            assertThat(response.getMatchesList()).singleElement()
                    .satisfies(m -> assertThat(m.getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_POSSIBLE));
            return response.getMatches(0);
        }

        @Test
        void withholdsTheTeamOfTheMatchOnOffer() {
            assertFactsWithheld(possible(INVOLVEMENT).getInvolvement());
        }

        @Test
        void showsItWithHealthMentalInScope() {
            assertThat(possible(INVOLVEMENT, HEALTH_MENTAL).getInvolvement().getTeam()).isEqualTo(PSYCHOSIS_TEAM);
        }

        @Test
        void withholdsItOnGetSubjectRecordsPossiblePath() {
            var response = client.stub(NodeClient.grant(tomSpeltOtherwise, INVOLVEMENT, DataCategory.DATA_CATEGORY_CRIME))
                    .getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(tomSpeltOtherwise).build());
            assertThat(response.getMatches(0).getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_POSSIBLE);
            assertFactsWithheld(response.getMatches(0).getInvolvement());
        }
    }

    @Nested
    class APersonWithAnOrdinaryAndASpecialCase {

        @Test
        void takesTheFactsFromTheLatestOpenCaseThatMayBeShown() {
            Involvement involvement = knownTo(karen, Purpose.PURPOSE_COORDINATION, INVOLVEMENT);
            assertThat(involvement.getTeam()).isEqualTo("Integrated Offender Management");
            assertThat(involvement.getLeadWorker()).isEqualTo("PC Jones");
            assertThat(involvement.getSince()).isEqualTo(RecordMapping.timestamp(java.time.Instant.parse("2025-05-01T00:00:00Z")));
            assertThat(involvement.toString()).doesNotContain("Drug", "Lee Wong", "recovery");
        }

        @Test
        void takesTheLatestOpenCaseWhenItsCategoryIsCovered() {
            Involvement involvement = knownTo(karen, Purpose.PURPOSE_CASE_MANAGEMENT, INVOLVEMENT,
                    DataCategory.DATA_CATEGORY_SUBSTANCE_MISUSE);
            assertThat(involvement.getTeam()).isEqualTo("Drug and alcohol service");
        }
    }

    @Nested
    class ACategoryTheNodeMarksSensitive {

        @Test
        void withholdsTheDebtAdviceTeamWithoutFinance() {
            assertFactsWithheld(knownTo(sam, Purpose.PURPOSE_COORDINATION, INVOLVEMENT));
        }

        @Test
        void showsItWithFinanceInScope() {
            assertThat(knownTo(sam, Purpose.PURPOSE_CASE_MANAGEMENT, INVOLVEMENT, DataCategory.DATA_CATEGORY_FINANCE)
                    .getTeam()).isEqualTo("Debt advice");
        }
    }
}
