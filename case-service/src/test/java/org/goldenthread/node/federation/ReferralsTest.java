package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.audit.AuditEntry;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.Referral;
import org.goldenthread.proto.node.v1.ReferralStatus;
import org.goldenthread.proto.node.v1.SubmitReferralRequest;
import org.goldenthread.proto.node.v1.UpdateReferralRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Referrals from another agency over gRPC (a direct client, no gateway) and the staff's answers over REST. */
class ReferralsTest {

    static final DataCategory HOUSING = DataCategory.DATA_CATEGORY_HOUSING;
    static final DataCategory MENTAL = DataCategory.DATA_CATEGORY_HEALTH_MENTAL;

    @TempDir
    static Path data;
    static TestNode node;
    static String officer;
    static List<LinkageToken> tom;

    @BeforeAll
    static void boot() {
        node = new TestNode(data);
        officer = node.issuers.userToken(TestNode.AGENCY, "PC Jones", "KEY_WORKER");
        assertThat(node.put("/api/subjects/TOM", officer, "{\"familyName\":\"Hale\",\"givenName\":\"Tom\","
                + "\"dateOfBirth\":\"2006-05-01\",\"nhsNumber\":\"9434765919\"}").getStatusCode().value()).isEqualTo(201);
        assertThat(node.put("/api/cases/C-TOM", officer, "{\"subjectRef\":\"TOM\",\"caseType\":\"offender\",\"category\":"
                + "\"CRIME\",\"status\":\"OPEN\",\"openedAt\":\"2026-01-10\",\"leadWorker\":\"PC Jones\"}").getStatusCode().value())
                .isEqualTo(201);
        tom = node.linkage().tokensFor(new PersonIdentifiers("9434765919", null, "Hale", "Tom", LocalDate.of(2006, 5, 1), null));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static String grant(String requesterAgency, Purpose purpose, DataCategory... scope) {
        Instant now = Instant.now();
        return node.issuers.grant(new AccessGrant(UUID.randomUUID().toString(), "kim.keyworker", requesterAgency, purpose,
                SubjectDigest.of(tom), Map.of(TestNode.AGENCY, Set.of(scope)),
                Map.of(TestNode.AGENCY, LawfulBasis.LAWFUL_BASIS_CONSENT), now, now.plusSeconds(120)));
    }

    static CaseNodeGrpc.CaseNodeBlockingStub stub(String grantJws) {
        Metadata headers = new Metadata();
        if (grantJws != null) {
            headers.put(CallMetadata.GRANT_HEADER, grantJws);
        }
        return CaseNodeGrpc.newBlockingStub(node.channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static Referral.Builder referral(String id) {
        return Referral.newBuilder().setReferralId(id).setFromAgency("council").setToAgency(TestNode.AGENCY)
                .addAllSubjectTokens(tom).setPurpose(Purpose.PURPOSE_COORDINATION).setStory("Family at risk of eviction")
                .addNeeds("housing").setReferrer("Kim Keyworker").setReferrerContact("kim@council.example")
                .addCategories(HOUSING);
    }

    static ReferralStatus submit(String grantJws, Referral.Builder referral) {
        return stub(grantJws).submitReferral(SubmitReferralRequest.newBuilder().setReferral(referral).build()).getStatus();
    }

    static void assertRefused(Runnable call, Status.Code code, String reason) {
        long before = node.bean(AuditLog.class).count();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(io.grpc.protobuf.StatusProto.fromThrowable(e).getDetailsList()).anySatisfy(d -> {
                try {
                    assertThat(d.unpack(com.google.rpc.ErrorInfo.class).getReason()).isEqualTo(reason);
                } catch (com.google.protobuf.InvalidProtocolBufferException notErrorInfo) {
                    throw new AssertionError(notErrorInfo);
                }
            });
        });
        List<AuditEntry> entries = node.bean(AuditLog.class).entries();
        assertThat(entries).hasSize((int) before + 1);
        AuditEntry last = entries.get(entries.size() - 1);
        assertThat(last.outcome().name()).isEqualTo("REFUSED");
        assertThat(last.refusalReason()).isEqualTo(reason);
    }

    @Nested
    class Submitting {

        @Test
        void storesARepeatedSubmissionOnceAndAuditsBoth() {
            // A repeat comes with a grant of its own: a grant is used once.
            assertThat(submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING), referral("R-TWICE")))
                    .isEqualTo(ReferralStatus.REFERRAL_STATUS_RECEIVED);
            assertThat(submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING), referral("R-TWICE")))
                    .isEqualTo(ReferralStatus.REFERRAL_STATUS_RECEIVED);
            String received = node.get("/api/referrals?status=RECEIVED", officer).getBody();
            assertThat(received.split("\"referralId\":\"R-TWICE\"", -1)).hasSize(2);
            assertThat(node.get("/api/referrals/R-TWICE", officer).getBody())
                    .contains("\"story\":\"Family at risk of eviction\"").contains("\"matchedSubjectRefs\":[\"TOM\"]")
                    .contains("\"fromAgency\":\"council\"").contains("\"categories\":[\"HOUSING\"]");
            List<AuditEntry> entries = node.bean(AuditLog.class).entries();
            assertThat(entries.subList(entries.size() - 2, entries.size())).allSatisfy(e -> {
                assertThat(e.operation()).isEqualTo("SubmitReferral");
                assertThat(e.recordIds()).containsExactly("referral/R-TWICE");
            });
        }

        @Test
        void refusesAGrantUsedForASubmissionBefore() {
            String once = grant("council", Purpose.PURPOSE_COORDINATION, HOUSING);
            submit(once, referral("R-ONCE"));
            assertRefused(() -> submit(once, referral("R-ONCE-MORE")), Status.Code.PERMISSION_DENIED, "REPLAYED");
            assertThat(node.get("/api/referrals/R-ONCE-MORE", officer).getStatusCode().value()).isEqualTo(404);
        }

        @Test
        void linksTheReferralToTheOnePersonItsTokensPickOut() {
            submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING), referral("R-LINKED"));
            assertThat(node.bean(AuditLog.class).entries()).last().satisfies(e -> {
                assertThat(e.personIds()).hasSize(1);
                assertThat(e.match()).isEqualTo("EXACT");
            });
        }

        @Test
        void refusesBadGrantsAndAuditsEachRefusal() {
            assertRefused(() -> submit(null, referral("R-BAD")), Status.Code.UNAUTHENTICATED, "MISSING");
            assertRefused(() -> submit(node.issuers.forgedGrant(new AccessGrant("g", "kim", "council",
                    Purpose.PURPOSE_COORDINATION, SubjectDigest.of(tom), Map.of(TestNode.AGENCY, Set.of(HOUSING)),
                    Map.of(), Instant.now(), Instant.now().plusSeconds(60))), referral("R-BAD")),
                    Status.Code.UNAUTHENTICATED, "BAD_SIGNATURE");
            assertRefused(() -> submit(grant("council", Purpose.PURPOSE_COORDINATION, MENTAL), referral("R-BAD")),
                    Status.Code.PERMISSION_DENIED, "CATEGORY_NOT_GRANTED");
            assertRefused(() -> submit(grant("council", Purpose.PURPOSE_SAFEGUARDING, HOUSING), referral("R-BAD")),
                    Status.Code.PERMISSION_DENIED, "WRONG_PURPOSE");
            assertRefused(() -> submit(grant("housing", Purpose.PURPOSE_COORDINATION, HOUSING), referral("R-BAD")),
                    Status.Code.PERMISSION_DENIED, "WRONG_REFERRER");
            assertRefused(() -> submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING),
                    referral("R-BAD").setToAgency("housing")), Status.Code.INVALID_ARGUMENT, "WRONG_RECIPIENT");
            assertRefused(() -> submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING),
                    referral("R-BAD").setReferralId("{\"$gt\":\"\"}")), Status.Code.INVALID_ARGUMENT, "BAD_REFERRAL");
            assertThat(node.get("/api/referrals/R-BAD", officer).getStatusCode().value()).isEqualTo(404);
        }
    }

    @Nested
    class Answering {

        @Test
        void staffAcceptWithTheirCaseAndTheReferrerCannotAcceptForThem() {
            submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING), referral("R-ACCEPT"));
            assertRefused(() -> stub(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING)).updateReferral(
                    UpdateReferralRequest.newBuilder().setReferralId("R-ACCEPT").setStatus(ReferralStatus.REFERRAL_STATUS_ACCEPTED)
                            .build()), Status.Code.FAILED_PRECONDITION, "BAD_TRANSITION");
            var accepted = node.http.post().uri("/api/referrals/R-ACCEPT/accept").header("Authorization", "Bearer " + officer)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("{\"caseRef\":\"C-TOM\"}")
                    .retrieve().toEntity(String.class);
            assertThat(accepted.getStatusCode().value()).isEqualTo(200);
            assertThat(accepted.getBody()).contains("\"status\":\"ACCEPTED\"").contains("\"caseRef\":\"C-TOM\"")
                    .contains("\"updatedBy\":\"PC Jones\"");
            var withdrawn = stub(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING)).updateReferral(
                    UpdateReferralRequest.newBuilder().setReferralId("R-ACCEPT").setStatus(ReferralStatus.REFERRAL_STATUS_WITHDRAWN)
                            .build());
            assertThat(withdrawn.getStatus()).isEqualTo(ReferralStatus.REFERRAL_STATUS_WITHDRAWN);
            assertThat(node.get("/api/referrals?status=WITHDRAWN", officer).getBody()).contains("R-ACCEPT");
        }

        @Test
        void decliningNeedsAReasonAndHappensOnce() {
            submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING), referral("R-DECLINE"));
            assertThat(post("/api/referrals/R-DECLINE/decline", "{}").getBody()).contains("\"field\":\"reason\"");
            assertThat(post("/api/referrals/R-DECLINE/decline", "{\"reason\":\"Not our area\"}").getBody())
                    .contains("\"status\":\"DECLINED\"").contains("\"reason\":\"Not our area\"");
            var again = post("/api/referrals/R-DECLINE/accept", "{}");
            assertThat(again.getStatusCode().value()).isEqualTo(409);
            assertThat(again.getBody()).contains("\"code\":\"referral-status-conflict\"");
            assertThat(node.get("/api/referrals?status=PENDING", officer).getStatusCode().value()).isEqualTo(400);
        }

        @Test
        void refusesUpdatesFromAnAgencyThatIsNoPartyAndForAnotherSubject() {
            submit(grant("council", Purpose.PURPOSE_COORDINATION, HOUSING), referral("R-PARTY"));
            UpdateReferralRequest withdraw = UpdateReferralRequest.newBuilder().setReferralId("R-PARTY")
                    .setStatus(ReferralStatus.REFERRAL_STATUS_WITHDRAWN).build();
            assertRefused(() -> stub(grant("housing", Purpose.PURPOSE_COORDINATION, HOUSING)).updateReferral(withdraw),
                    Status.Code.NOT_FOUND, "UNKNOWN_REFERRAL");
            Instant now = Instant.now();
            String otherSubject = node.issuers.grant(new AccessGrant(UUID.randomUUID().toString(), "kim", "council",
                    Purpose.PURPOSE_COORDINATION, "not-toms-digest", Map.of(TestNode.AGENCY, Set.of(HOUSING)), Map.of(),
                    now, now.plusSeconds(60)));
            assertRefused(() -> stub(otherSubject).updateReferral(withdraw), Status.Code.PERMISSION_DENIED, "WRONG_SUBJECT");
        }

        static org.springframework.http.ResponseEntity<String> post(String path, String json) {
            return node.http.post().uri(path).header("Authorization", "Bearer " + officer)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
        }
    }
}
