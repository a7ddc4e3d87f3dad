package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.NodeSecret;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.audit.AuditEntry;
import org.goldenthread.node.confirmation.ConfirmationRefs;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A POSSIBLE match (the name spelt otherwise, same birth date and district) releases the known-to
 * facts and a confirmation reference, and records only once the requesting user confirms it.
 */
class PossibleMatchTest {

    static final DataCategory CRIME = DataCategory.DATA_CATEGORY_CRIME;
    static final DataCategory INVOLVEMENT = DataCategory.DATA_CATEGORY_INVOLVEMENT;
    /** 32 bytes, base64: the node's configured secret, so a test can mint an expired reference with it. */
    static final String NODE_KEY = "c2VjcmV0LW5vZGUta2V5LWZvci10ZXN0cy0wMTIzNDU=";

    @TempDir
    static Path data;
    static TestNode node;
    static NodeClient client;
    static String smythe;
    /** As the asking agency's record spells him: Smyth, not Smythe; same date of birth and district. */
    static List<LinkageToken> asked;

    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data, "--goldenthread.node.confirmation.key=" + NODE_KEY);
        client = new NodeClient(node);
        smythe = client.person("SMYTHE", "{\"familyName\":\"Smythe\",\"givenName\":\"Jon\",\"dateOfBirth\":\"1995-02-02\","
                + "\"postcode\":\"LS6 2AB\",\"nhsNumber\":\"9434765919\"}", "smythe-secret");
        asked = client.tokens(null, "Smyth", "Jon", LocalDate.of(1995, 2, 2), "LS6 3XY");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static AccessGrant grant(String requester, DataCategory... scope) {
        return NodeClient.grant(requester, asked, Purpose.PURPOSE_CASE_MANAGEMENT, Set.of(), scope);
    }

    static GetSubjectRecordResponse record(AccessGrant grant, GetSubjectRecordRequest.Builder request) {
        return client.stub(grant).getSubjectRecord(request.addAllTokens(asked).build());
    }

    static String refFromMatchSubject() {
        return client.stub(grant(NodeClient.REQUESTER, INVOLVEMENT, CRIME))
                .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(asked).build()).getMatches(0).getConfirmationRef();
    }

    @Nested
    class BeforeConfirmation {

        @Test
        void matchSubjectAnswersThePossibleMatchWithItsKnownToFactsAndAReference() {
            var response = client.stub(grant(NodeClient.REQUESTER, INVOLVEMENT))
                    .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(asked).build());
            SubjectMatch match = response.getMatchesList().get(0);
            assertThat(response.getMatchesList()).hasSize(1);
            assertThat(match.getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_POSSIBLE);
            assertThat(match.getMatchedKindsList()).containsExactly(LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
            assertThat(match.getInvolvement().getLeadWorker()).isEqualTo("PC Jones");
            assertThat(match.getConfirmationRef()).startsWith("cr1.").matches("[A-Za-z0-9_.-]{20,400}")
                    .doesNotContain(smythe);
            AuditEntry entry = client.lastAuditEntry();
            assertThat(entry.match()).isEqualTo("POSSIBLE");
            assertThat(entry.personIds()).containsExactly(smythe);
            assertThat(entry.categories()).containsExactly("INVOLVEMENT");
        }

        @Test
        void getSubjectRecordReleasesNoRecordsEvenWhenPossibleIsTheMinimumAsked() {
            var response = record(grant(NodeClient.REQUESTER, CRIME, INVOLVEMENT),
                    GetSubjectRecordRequest.newBuilder().setMinimumStrength(MatchStrength.MATCH_STRENGTH_POSSIBLE));
            assertThat(response.getMatchesList()).singleElement().satisfies(m -> {
                assertThat(m.getConfirmationRef()).isNotEmpty();
                assertThat(m.hasInvolvement()).isTrue();
            });
            assertThat(response.getCasesList()).isEmpty();
            assertThat(response.getEventsList()).isEmpty();
            assertThat(response.getReleasedCategoriesList()).containsExactly(INVOLVEMENT);
            assertThat(response.toString()).doesNotContain("smythe-secret", "offender");
        }

        @Test
        void withholdsTheKnownToFactsWithoutInvolvement() {
            var response = record(grant(NodeClient.REQUESTER, CRIME), GetSubjectRecordRequest.newBuilder());
            assertThat(response.getMatchesList()).singleElement().satisfies(m -> assertThat(m.hasInvolvement()).isFalse());
            assertThat(response.getReleasedCategoriesList()).isEmpty();
            assertThat(client.lastAuditEntry().categories()).isEmpty();
        }
    }

    @Nested
    class Confirmed {

        @Test
        void releasesThePersonsRecordsUnderTheConfirmedReference() {
            String ref = refFromMatchSubject();
            var response = record(grant(NodeClient.REQUESTER, CRIME), GetSubjectRecordRequest.newBuilder().setConfirmedMatch(ref));
            assertThat(response.getMatchesList()).singleElement().satisfies(m -> {
                assertThat(m.getSubjectRef()).isEqualTo(smythe);
                assertThat(m.getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_POSSIBLE);
                assertThat(m.getConfirmationRef()).isEmpty();
            });
            assertThat(response.getEventsList()).extracting(e -> e.getSummary()).containsExactly("smythe-secret");
            AuditEntry entry = client.lastAuditEntry();
            assertThat(entry.match()).isEqualTo("CONFIRMED");
            // The reference's own random id: the release can be traced to the confirmation it rested on.
            assertThat(entry.confirmation()).matches("[A-Za-z0-9_-]{16}");
            assertThat(entry.personIds()).containsExactly(smythe);
        }

        @Test
        void refusesAConfirmationTheConsentRecordsNhsNumberRulesOut() {
            String ref = refFromMatchSubject();
            List<LinkageToken> anotherPersonsConsent = client.tokens("4010232137", "Smyth", "Jon", LocalDate.of(1995, 2, 2),
                    "LS6 3XY");
            AccessGrant grant = NodeClient.grant(NodeClient.REQUESTER, asked, Purpose.PURPOSE_CASE_MANAGEMENT, Set.of(),
                    anotherPersonsConsent, CRIME);
            client.assertRefused(() -> record(grant, GetSubjectRecordRequest.newBuilder().setConfirmedMatch(ref)),
                    Status.Code.FAILED_PRECONDITION, "NOT_ANCHORED");
        }

        @Test
        void refusesAnAlteredReference() {
            String ref = refFromMatchSubject();
            String altered = ref.substring(0, ref.length() - 3) + (ref.endsWith("AAA") ? "BBB" : "AAA");
            client.assertRefused(() -> record(grant(NodeClient.REQUESTER, CRIME),
                    GetSubjectRecordRequest.newBuilder().setConfirmedMatch(altered)), Status.Code.PERMISSION_DENIED,
                    "BAD_CONFIRMATION");
        }

        @Test
        void refusesAReferenceIssuedToAnotherUser() {
            String ref = refFromMatchSubject();
            client.assertRefused(() -> record(grant("pat.other", CRIME), GetSubjectRecordRequest.newBuilder().setConfirmedMatch(ref)),
                    Status.Code.PERMISSION_DENIED, "BAD_CONFIRMATION");
        }

        @Test
        void refusesAReferenceForAnotherSubject() {
            String ref = refFromMatchSubject();
            List<LinkageToken> withoutArea = client.tokens(null, "Smyth", "Jon", LocalDate.of(1995, 2, 2), null);
            AccessGrant other = NodeClient.grant(withoutArea, CRIME);
            client.assertRefused(() -> client.stub(other).getSubjectRecord(GetSubjectRecordRequest.newBuilder()
                    .addAllTokens(withoutArea).setConfirmedMatch(ref).build()), Status.Code.PERMISSION_DENIED, "BAD_CONFIRMATION");
        }

        @Test
        void refusesAnExpiredReference() {
            AccessGrant grant = grant(NodeClient.REQUESTER, CRIME);
            // Issued by this node's own key 16 minutes ago: its 15 minutes are over.
            Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
            String expired = new ConfirmationRefs(NodeSecret.of(new NodeProperties.Confirmation(NODE_KEY, null))
                    .derive(ConfirmationRefs.KEY_USE), Duration.ofMinutes(15), past).issue(smythe, grant);
            client.assertRefused(() -> record(grant, GetSubjectRecordRequest.newBuilder().setConfirmedMatch(expired)),
                    Status.Code.PERMISSION_DENIED, "BAD_CONFIRMATION");
            // The same reference, still current, is honoured: only its age was wrong.
            String current = new ConfirmationRefs(NodeSecret.of(new NodeProperties.Confirmation(NODE_KEY, null))
                    .derive(ConfirmationRefs.KEY_USE), Duration.ofMinutes(15), Clock.systemUTC()).issue(smythe, grant);
            assertThat(record(grant(NodeClient.REQUESTER, CRIME), GetSubjectRecordRequest.newBuilder()
                    .setConfirmedMatch(current)).getEventsList()).hasSize(1);
        }
    }
}
