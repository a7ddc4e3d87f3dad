package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.goldenthread.node.TestNode;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.Referral;
import org.goldenthread.proto.node.v1.SubmitReferralRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node releases one person or nothing (issue 13), over gRPC against the production wiring. */
class OnePersonTest {

    static final DataCategory CRIME = DataCategory.DATA_CATEGORY_CRIME;
    static final DataCategory INVOLVEMENT = DataCategory.DATA_CATEGORY_INVOLVEMENT;
    static final LocalDate ALEX_BORN = LocalDate.of(1990, 3, 3);
    static final LocalDate BEA_BORN = LocalDate.of(1985, 5, 5);
    static final LocalDate JO_BORN = LocalDate.of(2001, 1, 1);
    static final LocalDate IVAN_BORN = LocalDate.of(1979, 9, 9);

    @TempDir
    static Path data;
    static TestNode node;
    static NodeClient client;
    static String alex;
    static String jo1;

    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data);
        client = new NodeClient(node);
        alex = client.person("ALEX", "{\"familyName\":\"Reed\",\"givenName\":\"Alex\",\"dateOfBirth\":\"1990-03-03\","
                + "\"nhsNumber\":\"9434765919\",\"postcode\":\"LS6 1AA\"}", "alex-secret");
        client.person("BEA", "{\"familyName\":\"Lowe\",\"givenName\":\"Bea\",\"dateOfBirth\":\"1985-05-05\"}", "bea-secret");
        // Two different people with the same name and date of birth, told apart by their NHS numbers.
        jo1 = client.person("JO1", "{\"familyName\":\"Smith\",\"givenName\":\"Jo\",\"dateOfBirth\":\"2001-01-01\","
                + "\"nhsNumber\":\"4010232137\"}", "jo1-secret");
        client.person("JO2", "{\"familyName\":\"Smith\",\"givenName\":\"Jo\",\"dateOfBirth\":\"2001-01-01\","
                + "\"nhsNumber\":\"9876543210\"}", "jo2-secret");
        client.person("IVAN", "{\"familyName\":\"Иванов\",\"givenName\":\"Иван\",\"dateOfBirth\":\"1979-09-09\"}",
                "ivan-secret");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static GetSubjectRecordResponse record(List<LinkageToken> tokens, Set<LinkageTokenKind> anchors) {
        return client.stub(NodeClient.grant(NodeClient.REQUESTER, tokens, Purpose.PURPOSE_CASE_MANAGEMENT, anchors,
                CRIME, INVOLVEMENT)).getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(tokens).build());
    }

    static List<LinkageToken> of(List<LinkageToken> tokens, LinkageTokenKind kind) {
        return tokens.stream().filter(t -> t.getKind() == kind).toList();
    }

    static List<LinkageToken> mixed(List<LinkageToken> a, LinkageTokenKind fromA, List<LinkageToken> b, LinkageTokenKind fromB) {
        List<LinkageToken> tokens = new ArrayList<>(of(a, fromA));
        tokens.addAll(of(b, fromB));
        return tokens;
    }

    @Nested
    class MixedIdentifiers {

        final List<LinkageToken> alexNhsBeaName = mixed(
                client.tokens("9434765919", "Reed", "Alex", ALEX_BORN, null), LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS,
                client.tokens(null, "Lowe", "Bea", BEA_BORN, null), LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);

        @Test
        void releasesNothingForOnePersonsNhsNumberWithAnothersNameAndBirthDate() {
            var refused = client.assertRefused(() -> record(alexNhsBeaName, Set.of()),
                    Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE");
            // Alex's record disagrees on the name (Bea, holding no NHS number, disagrees on nothing).
            assertThat(NodeClient.errorInfo(refused).getMetadataMap()).containsEntry("kinds", "NAME_DOB");
            assertThat(refused.getStatus().getDescription()).doesNotContain("Reed", "Lowe", "Alex", "Bea", "9434765919");
            assertThat(client.lastAuditEntry().tokenHashes()).hasSize(2);
            assertThat(client.lastAuditEntry().grantId()).isNotEmpty();
        }

        @Test
        void tellsNoOneWhoMatchedEither() {
            client.assertRefused(() -> client.stub(NodeClient.grant(alexNhsBeaName, INVOLVEMENT))
                    .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(alexNhsBeaName).build()),
                    Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE");
        }

        @Test
        void refusesAReferralWhoseIdentifiersDescribeTwoPeople() {
            Referral referral = Referral.newBuilder().setReferralId("R-MIXED").setFromAgency("council")
                    .setToAgency(TestNode.AGENCY).addAllSubjectTokens(alexNhsBeaName).setPurpose(Purpose.PURPOSE_COORDINATION)
                    .setStory("story").addCategories(DataCategory.DATA_CATEGORY_HOUSING).build();
            client.assertRefused(() -> client.stub(NodeClient.grant(NodeClient.REQUESTER, alexNhsBeaName,
                    Purpose.PURPOSE_COORDINATION, Set.of(), DataCategory.DATA_CATEGORY_HOUSING))
                    .submitReferral(SubmitReferralRequest.newBuilder().setReferral(referral).build()),
                    Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE");
            assertThat(node.get("/api/referrals/R-MIXED", client.officer).getStatusCode().value()).isEqualTo(404);
        }

        @Test
        void refusesTwoIdentifiersOfOneKindBeforeLookingAnyoneUp() {
            List<LinkageToken> twoNhs = mixed(client.tokens("9434765919", "Reed", "Alex", ALEX_BORN, null),
                    LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS, client.tokens("4010232137", "Smith", "Jo", JO_BORN, null),
                    LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS);
            var refused = client.assertRefused(() -> record(twoNhs, Set.of()), Status.Code.INVALID_ARGUMENT,
                    "REPEATED_IDENTIFIER");
            assertThat(NodeClient.errorInfo(refused).getMetadataMap()).containsEntry("kinds", "NHS");
        }
    }

    @Nested
    class SharedNameAndBirthDate {

        final List<LinkageToken> joByName = client.tokens(null, "Smith", "Jo", JO_BORN, null);

        @Test
        void releasesNothingWhenTheNameAndBirthDateFitTwoPeople() {
            var refused = client.assertRefused(() -> record(joByName, Set.of()), Status.Code.FAILED_PRECONDITION,
                    "AMBIGUOUS_SUBJECT");
            assertThat(refused.getStatus().getDescription()).contains("NHS");
            client.assertRefused(() -> client.stub(NodeClient.grant(joByName, INVOLVEMENT))
                    .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(joByName).build()),
                    Status.Code.FAILED_PRECONDITION, "AMBIGUOUS_SUBJECT");
        }

        @Test
        void releasesTheOneAnNhsNumberPicksOut() {
            List<LinkageToken> nhsOnly = of(client.tokens("4010232137", "Smith", "Jo", JO_BORN, null),
                    LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS);
            GetSubjectRecordResponse response = record(nhsOnly, Set.of());
            assertThat(response.getMatchesList()).singleElement().satisfies(m -> {
                assertThat(m.getSubjectRef()).isEqualTo(jo1);
                assertThat(m.getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_EXACT);
            });
            assertThat(response.getEventsList()).extracting(e -> e.getSummary()).containsExactly("jo1-secret");
            assertThat(client.lastAuditEntry().personIds()).containsExactly(jo1);
        }
    }

    @Nested
    class Anchors {

        final List<LinkageToken> alexByName = client.tokens(null, "Reed", "Alex", ALEX_BORN, null);

        @Test
        void refusesAPersonMatchedOnlyThroughIdentifiersTheBasisIsNotKnownBy() {
            // The consent behind this grant was recorded under the NHS number; the request has a name only.
            client.assertRefused(() -> record(alexByName, Set.of(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS)),
                    Status.Code.FAILED_PRECONDITION, "NOT_ANCHORED");
        }

        @Test
        void releasesThePersonWhoSharesTheAnchor() {
            GetSubjectRecordResponse response = record(client.tokens("9434765919", "Reed", "Alex", ALEX_BORN, null),
                    Set.of(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS));
            assertThat(response.getMatchesList()).singleElement().extracting(m -> m.getSubjectRef()).isEqualTo(alex);
            assertThat(response.getEventsList()).extracting(e -> e.getSummary()).containsExactly("alex-secret");
        }

        @Test
        void releasesUnderAnAgreementAnchoredToNoKind() {
            assertThat(record(alexByName, Set.of()).getEventsList()).extracting(e -> e.getSummary())
                    .containsExactly("alex-secret");
        }
    }

    @Nested
    class ConsentRecordIdentity {

        final List<LinkageToken> alexByName = client.tokens(null, "Reed", "Alex", ALEX_BORN, null);

        GetSubjectRecordResponse recordUnder(List<LinkageToken> consentRecord) {
            return client.stub(NodeClient.grant(NodeClient.REQUESTER, alexByName, Purpose.PURPOSE_CASE_MANAGEMENT,
                    Set.of(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB), consentRecord, CRIME))
                    .getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(alexByName).build());
        }

        @Test
        void refusesThePersonTheRequestFitsWhenTheConsentRecordHoldsAnotherNhsNumber() {
            // Same name and birth date, but the consent was given by someone with another NHS number.
            List<LinkageToken> someoneElsesConsent = client.tokens("4010232137", "Reed", "Alex", ALEX_BORN, null);
            client.assertRefused(() -> recordUnder(someoneElsesConsent), Status.Code.FAILED_PRECONDITION, "NOT_ANCHORED");
        }

        @Test
        void releasesThePersonTheConsentRecordDescribes() {
            List<LinkageToken> alexsConsent = client.tokens("9434765919", "Reed", "Alex", ALEX_BORN, null);
            assertThat(recordUnder(alexsConsent).getEventsList()).extracting(e -> e.getSummary()).containsExactly("alex-secret");
        }
    }

    @Nested
    class OtherScripts {

        @Test
        void matchesACyrillicNamedPerson() {
            List<LinkageToken> ivan = client.tokens(null, "Иванов", "Иван", IVAN_BORN, null);
            assertThat(ivan).extracting(LinkageToken::getKind).contains(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);
            GetSubjectRecordResponse response = record(ivan, Set.of());
            assertThat(response.getMatchesList()).singleElement()
                    .satisfies(m -> assertThat(m.getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_STRONG));
            assertThat(response.getEventsList()).extracting(e -> e.getSummary()).containsExactly("ivan-secret");
        }

        @Test
        void matchesThePersonFromTheNameSpeltInLatinLetters() {
            // Another agency's record may hold the transliterated spelling: it gives the same token.
            List<LinkageToken> latin = client.tokens(null, "Ivanov", "Ivan", IVAN_BORN, null);
            assertThat(record(latin, Set.of()).getEventsList()).extracting(e -> e.getSummary())
                    .containsExactly("ivan-secret");
        }
    }
}
