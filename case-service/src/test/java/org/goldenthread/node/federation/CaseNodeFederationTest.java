package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
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
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.AggregateMetric;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.goldenthread.proto.node.v1.AggregateResponse;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetAccessLogRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseNodeFederationTest {

    static final DataCategory CRIME = DataCategory.DATA_CATEGORY_CRIME;
    static final DataCategory MENTAL = DataCategory.DATA_CATEGORY_HEALTH_MENTAL;
    static final DataCategory INVOLVEMENT = DataCategory.DATA_CATEGORY_INVOLVEMENT;

    @TempDir
    static Path data;
    static TestNode node;
    static List<LinkageToken> tom;
    static List<LinkageToken> karen;

    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data);
        String officer = node.issuers.userToken(TestNode.AGENCY, "PC Jones", "KEY_WORKER");
        put(officer, "/api/subjects/TOM", """
                {"familyName":"Hale","givenName":"Tom","dateOfBirth":"2006-05-01","nhsNumber":"9434765919","postcode":"LS6 2AB"}""");
        put(officer, "/api/cases/C-CRIME", caseJson("CRIME", "RED"));
        put(officer, "/api/cases/C-CRIME", caseJson("CRIME", "AMBER").replace("}", ",\"ragReason\":\"engaging\"}"));
        put(officer, "/api/cases/C-MH", caseJson("HEALTH_MENTAL", "GREEN").replace("offender", "liaison-diversion"));
        put(officer, "/api/cases/C-CRIME/events/E1", event("INCIDENT", "CRIME", "2026-01-11T22:00:00Z", "Disturbance at flat"));
        put(officer, "/api/cases/C-CRIME/events/E2", event("NOTE", "HEALTH_MENTAL", "2026-01-12T10:00:00Z", "Psychosis noted"));
        put(officer, "/api/cases/C-CRIME/events/E3", event("CONTACT", "CRIME", "2026-01-13T10:00:00Z", "Bail check"));
        put(officer, "/api/cases/C-MH/events/M1", event("ASSESSMENT", "HEALTH_MENTAL", "2026-01-14T10:00:00Z", "Liaison assessment"));
        put(officer, "/api/cases/C-CRIME/actions/A1", """
                {"description":"Attend bail appointment","ownerAgency":"police","dueDate":"2026-02-01","status":"OPEN"}""");
        put(officer, "/api/cases/C-MH/actions/A2", """
                {"description":"See liaison nurse","ownerAgency":"mentalhealth","dueDate":"2026-02-02","status":"OPEN"}""");
        put(officer, "/api/subjects/ANON", """
                {"familyName":"Marsh","givenName":"Dee","dateOfBirth":"1990-07-07"}""");
        for (int i = 1; i <= 6; i++) {
            put(officer, "/api/cases/C-ASB-" + i, caseJson("ASB", "RED").replace("\"TOM\"", "\"ANON\"")
                    .replace("offender", "asb").replace("PC Jones", "PC Marsh"));
        }
        tom = node.linkage().tokensFor(new PersonIdentifiers("9434765919", null, "Hale", "Tom",
                LocalDate.of(2006, 5, 1), "LS6 2AB"));
        karen = node.linkage().tokensFor(new PersonIdentifiers(null, null, "Hale", "Karen",
                LocalDate.of(1980, 2, 2), null));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static void put(String token, String path, String json) {
        assertThat(node.put(path, token, json).getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }

    static String caseJson(String category, String rag) {
        return "{\"subjectRef\":\"TOM\",\"caseType\":\"offender\",\"category\":\"" + category + "\",\"status\":\"OPEN\","
                + "\"openedAt\":\"2026-01-10T09:00:00Z\",\"leadWorker\":\"PC Jones\",\"team\":\"IOM\","
                + "\"contact\":\"iom@police.example\",\"rag\":\"" + rag + "\",\"needs\":[\"crime\"]}";
    }

    static String event(String kind, String category, String at, String summary) {
        return "{\"kind\":\"" + kind + "\",\"category\":\"" + category + "\",\"occurredAt\":\"" + at
                + "\",\"summary\":\"" + summary + "\"}";
    }

    static AccessGrant grant(String audience, Purpose purpose, List<LinkageToken> subject, Instant issued,
            DataCategory... scope) {
        return new AccessGrant(UUID.randomUUID().toString(), "kim.keyworker", "council", purpose,
                SubjectDigest.of(subject), Map.of(audience, Set.of(scope)), Map.of(audience, LawfulBasis.LAWFUL_BASIS_CONSENT),
                issued, issued.plusSeconds(120));
    }

    static AccessGrant grant(DataCategory... scope) {
        return grant(TestNode.AGENCY, Purpose.PURPOSE_CASE_MANAGEMENT, tom, Instant.now(), scope);
    }

    static CaseNodeGrpc.CaseNodeBlockingStub stub(String grantJws) {
        Metadata headers = new Metadata();
        if (grantJws != null) {
            headers.put(CallMetadata.GRANT_HEADER, grantJws);
        }
        headers.put(CallMetadata.REQUEST_ID_HEADER, "req-" + UUID.randomUUID());
        return CaseNodeGrpc.newBlockingStub(node.channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static GetSubjectRecordResponse record(String grantJws, GetSubjectRecordRequest.Builder request) {
        return stub(grantJws).getSubjectRecord(request.addAllTokens(tom).build());
    }

    static AuditEntry lastAuditEntry() {
        List<AuditEntry> entries = node.bean(AuditLog.class).entries();
        return entries.get(entries.size() - 1);
    }

    static void assertRefused(Runnable call, Status.Code code, String reason) {
        long before = node.bean(AuditLog.class).count();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).doesNotContain("Hale", "9434765919");
            assertThat(StatusProto.fromThrowable(e).getDetailsList()).anySatisfy(d -> assertThat(
                    unpack(d).getReason()).isEqualTo(reason));
        });
        assertThat(node.bean(AuditLog.class).count()).isEqualTo(before + 1);
        assertThat(lastAuditEntry().outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(lastAuditEntry().refusalReason()).isEqualTo(reason);
    }

    static ErrorInfo unpack(com.google.protobuf.Any detail) {
        try {
            return detail.unpack(ErrorInfo.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class WithAValidGrant {

        @Test
        void releasesOnlyTheGrantedCategories() {
            GetSubjectRecordResponse response = record(node.issuers.grant(grant(CRIME)), GetSubjectRecordRequest.newBuilder());

            assertThat(response.getReleasedCategoriesList()).containsExactly(CRIME);
            assertThat(response.getCasesList()).hasSize(1).allSatisfy(c -> assertThat(c.getProvenance().getCategory()).isEqualTo(CRIME));
            assertThat(response.getEventsList()).extracting(e -> e.getSummary()).containsExactly("Bail check", "Disturbance at flat");
            assertThat(response.getPlanActionsList()).extracting(a -> a.getDescription()).containsExactly("Attend bail appointment");
            assertThat(response.getRagHistoryList()).extracting(r -> r.getFrom() + ">" + r.getTo() + ":" + r.getReason())
                    .containsExactly("RAG_RATING_RED>RAG_RATING_AMBER:engaging", "RAG_RATING_UNSPECIFIED>RAG_RATING_RED:");
            assertThat(response.getRagHistoryList()).allSatisfy(r -> assertThat(r.getProvenance().getCategory()).isEqualTo(CRIME));
            assertThat(response.toString()).doesNotContain("HEALTH_MENTAL", "Psychosis", "liaison", "Liaison");
            assertThat(response.getEventsList()).allSatisfy(e -> {
                assertThat(e.getProvenance().getAgencyId()).isEqualTo(TestNode.AGENCY);
                assertThat(e.getProvenance().getRecordedBy()).isEqualTo("PC Jones");
                assertThat(e.getProvenance().hasRecordedAt()).isTrue();
            });
        }

        @Test
        void recordsTheReleaseBeforeAnswering() {
            AccessGrant grant = grant(CRIME);
            GetSubjectRecordResponse response = record(node.issuers.grant(grant), GetSubjectRecordRequest.newBuilder());
            AuditEntry entry = lastAuditEntry();
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.RELEASED);
            assertThat(entry.grantId()).isEqualTo(grant.id());
            assertThat(entry.requester()).isEqualTo("kim.keyworker");
            assertThat(entry.categories()).containsExactly("CRIME");
            assertThat(entry.recordIds()).contains(response.getCases(0).getCaseId(), response.getEvents(0).getEventId());
            assertThat(entry.requestId()).startsWith("req-");
            assertThat(entry.subjectDigest()).isEqualTo(SubjectDigest.of(tom));
            assertThat(entry.personIds()).containsExactly(response.getMatches(0).getSubjectRef());
            assertThat(entry.match()).isEqualTo("EXACT");
            assertThat(entry.confirmation()).isEmpty();
            // Each request token by kind and hash, never the token itself.
            assertThat(entry.tokenHashes()).hasSize(tom.size()).allSatisfy(h -> assertThat(h).matches("[A-Z_]+:test-1:[A-Za-z0-9_-]{43}"))
                    .extracting(h -> h.substring(0, h.indexOf(':'))).containsExactly("NHS", "NAME_DOB", "FUZZY_NAME_DOB_AREA");
            assertThat(entry.tokenHashes().toString()).doesNotContain(tom.get(0).getValue());
        }

        @Test
        void pagesEventsWithAnOpaqueToken() {
            String jws = node.issuers.grant(grant(CRIME, MENTAL));
            var first = record(jws, GetSubjectRecordRequest.newBuilder().setPageSize(3));
            assertThat(first.getEventsList()).hasSize(3);
            assertThat(first.getNextPageToken()).isNotEmpty();
            var second = record(jws, GetSubjectRecordRequest.newBuilder().setPageSize(3).setPageToken(first.getNextPageToken()));
            assertThat(second.getEventsList()).extracting(e -> e.getSummary()).containsExactly("Disturbance at flat");
            assertThat(second.getNextPageToken()).isEmpty();
            assertThat(second.getCasesList()).isEmpty();
        }

        @Test
        void continuesAPageOnlyUnderTheGrantItWasIssuedFor() {
            String jws = node.issuers.grant(grant(CRIME, MENTAL));
            var first = record(jws, GetSubjectRecordRequest.newBuilder().setPageSize(3));
            String otherGrant = node.issuers.grant(grant(CRIME, MENTAL));
            assertRefused(() -> record(otherGrant, GetSubjectRecordRequest.newBuilder().setPageSize(3)
                    .setPageToken(first.getNextPageToken())), Status.Code.INVALID_ARGUMENT, "BAD_PAGE_TOKEN");
            // The other grant was not used by the refused continuation: its own first page is still served.
            assertThat(record(otherGrant, GetSubjectRecordRequest.newBuilder()).getEventsList()).hasSize(4);
        }

        @Test
        void refusesAnAlteredPageToken() {
            String jws = node.issuers.grant(grant(CRIME, MENTAL));
            var first = record(jws, GetSubjectRecordRequest.newBuilder().setPageSize(3));
            String token = first.getNextPageToken();
            // A token altered anywhere, or of the earlier unbound format, is not one this node issued.
            String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
            assertRefused(() -> record(jws, GetSubjectRecordRequest.newBuilder().setPageToken(altered)),
                    Status.Code.INVALID_ARGUMENT, "BAD_PAGE_TOKEN");
        }

        @Test
        void servesEachPageOfAGrantOnce() {
            String jws = node.issuers.grant(grant(CRIME, MENTAL));
            var first = record(jws, GetSubjectRecordRequest.newBuilder().setPageSize(3));
            var again = GetSubjectRecordRequest.newBuilder().setPageSize(3).setPageToken(first.getNextPageToken());
            assertThat(record(jws, again.clone()).getEventsList()).hasSize(1);
            assertRefused(() -> record(jws, again.clone()), Status.Code.PERMISSION_DENIED, "REPLAYED");
        }

        @Test
        void refusesAPageTokenItDidNotIssue() {
            String jws = node.issuers.grant(grant(CRIME));
            assertRefused(() -> record(jws, GetSubjectRecordRequest.newBuilder().setPageToken("e1.bm9wZQ")),
                    Status.Code.INVALID_ARGUMENT, "BAD_PAGE_TOKEN");
        }

        @Test
        void releasesOnlyTheAskedPartOfTheScope() {
            var response = record(node.issuers.grant(grant(CRIME, MENTAL)),
                    GetSubjectRecordRequest.newBuilder().addCategories(MENTAL));
            assertThat(response.getReleasedCategoriesList()).containsExactly(MENTAL);
            assertThat(response.getEventsList()).extracting(e -> e.getProvenance().getCategory()).containsOnly(MENTAL);
            assertThat(response.getCasesList()).extracting(c -> c.getCaseType()).containsExactly("liaison-diversion");
        }

        @Test
        void refusesMatchSubjectUnderAGrantWithoutInvolvement() {
            // Whether, how strongly and under which id someone is known here is itself INVOLVEMENT.
            assertRefused(() -> stub(node.issuers.grant(grant(CRIME)))
                    .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tom).build()),
                    Status.Code.PERMISSION_DENIED, "CATEGORY_NOT_GRANTED");
            assertThat(lastAuditEntry().personIds()).isEmpty();
        }

        @Test
        void matchesWithTheKnownToFlagUnderInvolvement() {
            MatchSubjectResponse response = stub(node.issuers.grant(grant(INVOLVEMENT)))
                    .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tom).build());
            assertThat(response.getMatchesList()).singleElement().satisfies(m -> {
                assertThat(m.getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_EXACT);
                assertThat(m.getConfirmationRef()).isEmpty();
                assertThat(m.getInvolvement().getOpenCase()).isTrue();
                assertThat(m.getInvolvement().getLeadWorker()).isEqualTo("PC Jones");
                assertThat(m.getInvolvement().getContact()).isEqualTo("iom@police.example");
            });
            assertThat(lastAuditEntry().categories()).containsExactly("INVOLVEMENT");
        }

        @Test
        void answersNoMatchForAPersonItDoesNotHold() {
            var response = stub(node.issuers.grant(grant(TestNode.AGENCY, Purpose.PURPOSE_COORDINATION, karen,
                    Instant.now(), INVOLVEMENT))).matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(karen).build());
            assertThat(response.getMatchesList()).isEmpty();
        }
    }

    @Nested
    class RefusedGrants {

        @Test
        void refusesACallWithoutAGrant() {
            assertRefused(() -> record(null, GetSubjectRecordRequest.newBuilder()), Status.Code.UNAUTHENTICATED, "MISSING");
        }

        @Test
        void refusesAForgedGrant() {
            assertRefused(() -> record(node.issuers.forgedGrant(grant(CRIME)), GetSubjectRecordRequest.newBuilder()),
                    Status.Code.UNAUTHENTICATED, "BAD_SIGNATURE");
        }

        @Test
        void refusesAGrantThatIsNotAJws() {
            assertRefused(() -> record("not-a-grant", GetSubjectRecordRequest.newBuilder()), Status.Code.UNAUTHENTICATED, "MALFORMED");
        }

        @Test
        void refusesAGrantFromAnotherIssuer() throws Exception {
            var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder(
                    org.goldenthread.federation.grant.GrantClaims.toClaims(grant(CRIME))).issuer("someone-else").build();
            assertRefused(() -> record(node.issuers.signedByConsent(claims), GetSubjectRecordRequest.newBuilder()),
                    Status.Code.UNAUTHENTICATED, "WRONG_ISSUER");
        }

        @Test
        void refusesAnExpiredGrant() {
            AccessGrant expired = grant(TestNode.AGENCY, Purpose.PURPOSE_CASE_MANAGEMENT, tom,
                    Instant.now().minusSeconds(300), CRIME);
            assertRefused(() -> record(node.issuers.grant(expired), GetSubjectRecordRequest.newBuilder()),
                    Status.Code.UNAUTHENTICATED, "EXPIRED");
        }

        @Test
        void refusesAGrantForAnotherAgency() {
            AccessGrant housing = grant("housing", Purpose.PURPOSE_CASE_MANAGEMENT, tom, Instant.now(), CRIME);
            assertRefused(() -> record(node.issuers.grant(housing), GetSubjectRecordRequest.newBuilder()),
                    Status.Code.PERMISSION_DENIED, "WRONG_AUDIENCE");
            assertThat(lastAuditEntry().grantId()).isEqualTo(housing.id());
            assertThat(node.get("/actuator/prometheus", null).getBody())
                    .containsPattern("goldenthread_node_federation_calls_total\\{[^}]*reason=\"WRONG_AUDIENCE\"");
        }

        @Test
        void refusesAGrantNamingThisAgencyAmongOthers() throws Exception {
            var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder(org.goldenthread.federation.grant.GrantClaims
                    .toClaims(grant(CRIME))).audience(List.of(TestNode.AGENCY, "housing")).build();
            assertRefused(() -> record(node.issuers.signedByConsent(claims), GetSubjectRecordRequest.newBuilder()),
                    Status.Code.PERMISSION_DENIED, "WRONG_AUDIENCE");
        }

        @Test
        void refusesAGrantIssuedInTheFuture() {
            // Beyond the 5 s of clock skew allowed: a grant minted ahead of time to outlive its 120 s.
            AccessGrant early = grant(TestNode.AGENCY, Purpose.PURPOSE_CASE_MANAGEMENT, tom, Instant.now().plusSeconds(60), CRIME);
            assertRefused(() -> record(node.issuers.grant(early), GetSubjectRecordRequest.newBuilder()),
                    Status.Code.UNAUTHENTICATED, "NOT_YET_VALID");
        }

        @Test
        void refusesAGrantUsedTwiceForTheSameOperation() {
            AccessGrant once = grant(CRIME, INVOLVEMENT);
            String jws = node.issuers.grant(once);
            record(jws, GetSubjectRecordRequest.newBuilder());
            assertRefused(() -> record(jws, GetSubjectRecordRequest.newBuilder()), Status.Code.PERMISSION_DENIED, "REPLAYED");
            assertThat(lastAuditEntry().grantId()).isEqualTo(once.id());
            // Used once per operation: the same grant may still ask MatchSubject, once.
            stub(jws).matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tom).build());
            assertRefused(() -> stub(jws).matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tom).build()),
                    Status.Code.PERMISSION_DENIED, "REPLAYED");
        }

        @Test
        void refusesAGrantForAnotherPerson() {
            AccessGrant forKaren = grant(TestNode.AGENCY, Purpose.PURPOSE_CASE_MANAGEMENT, karen, Instant.now(), CRIME);
            assertRefused(() -> stub(node.issuers.grant(forKaren)).matchSubject(
                    MatchSubjectRequest.newBuilder().addAllTokens(tom).build()), Status.Code.PERMISSION_DENIED, "WRONG_SUBJECT");
        }

        @Test
        void refusesARequestWithoutTokens() {
            assertRefused(() -> stub(node.issuers.grant(grant(CRIME))).matchSubject(MatchSubjectRequest.getDefaultInstance()),
                    Status.Code.INVALID_ARGUMENT, "NO_TOKENS");
        }

        @Test
        void refusesCategoriesOutsideTheGrant() {
            assertRefused(() -> record(node.issuers.grant(grant(CRIME)), GetSubjectRecordRequest.newBuilder().addCategories(MENTAL)),
                    Status.Code.PERMISSION_DENIED, "CATEGORY_NOT_GRANTED");
        }
    }

    @Nested
    class AccessLog {

        @Test
        void releasesTheSubjectsEntriesForSubjectAccess() {
            record(node.issuers.grant(grant(CRIME)), GetSubjectRecordRequest.newBuilder());
            AccessGrant sar = grant(TestNode.AGENCY, Purpose.PURPOSE_SUBJECT_ACCESS, tom, Instant.now(), INVOLVEMENT);
            var log = stub(node.issuers.grant(sar)).getAccessLog(GetAccessLogRequest.newBuilder().addAllTokens(tom).build());
            assertThat(log.getEntriesList()).isNotEmpty()
                    .anySatisfy(e -> assertThat(e.getOperation()).isEqualTo("GetSubjectRecord"))
                    .allSatisfy(e -> assertThat(e.getRequestId()).startsWith("req-"));
        }

        @Test
        void refusesTheLogForAnyOtherPurpose() {
            assertRefused(() -> stub(node.issuers.grant(grant(CRIME)))
                    .getAccessLog(GetAccessLogRequest.newBuilder().addAllTokens(tom).build()),
                    Status.Code.PERMISSION_DENIED, "WRONG_PURPOSE");
        }
    }

    @Nested
    class Operations {

        @Test
        void reportsServingOnTheHealthService() {
            var health = HealthGrpc.newBlockingStub(node.channel).withDeadlineAfter(5, TimeUnit.SECONDS);
            assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
            assertThat(health.check(HealthCheckRequest.newBuilder().setService(CaseNodeGrpc.SERVICE_NAME).build())
                    .getStatus()).isEqualTo(ServingStatus.SERVING);
        }

        @Test
        void refusesAMessageOverTheSizeLimit() {
            var huge = GetSubjectRecordRequest.newBuilder().addAllTokens(tom).setPageToken("x".repeat(300_000));
            assertThatThrownBy(() -> record(node.issuers.grant(grant(CRIME)), huge))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.CANCELLED,
                                    Status.Code.UNAVAILABLE, Status.Code.INTERNAL));
        }
    }

    @Nested
    class Aggregates {

        static AccessGrant outcomeGrant(String audience, Purpose purpose, DataCategory... scope) {
            Instant now = Instant.now();
            return new AccessGrant(UUID.randomUUID().toString(), "olu.outcomes", "council", purpose, null,
                    Map.of(audience, Set.of(scope)), Map.of(audience, LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK), now, now.plusSeconds(60));
        }

        static AggregateResponse aggregate(AccessGrant grant, AggregateMetric metric) {
            return stub(node.issuers.grant(grant)).aggregate(AggregateRequest.newBuilder().setMetric(metric).build());
        }

        @Test
        void releasesRoundedCountsAndNoKeyOfASmallGroup() {
            var response = aggregate(outcomeGrant(TestNode.AGENCY, Purpose.PURPOSE_OUTCOME_EVIDENCE, CRIME, MENTAL,
                    DataCategory.DATA_CATEGORY_ASB), AggregateMetric.AGGREGATE_METRIC_OPEN_CASES);
            // 6 asb cases go out as 5; one offender and one liaison-diversion case leave no trace, not even their keys.
            assertThat(response.getBucketsList()).extracting(b -> b.getKey() + "=" + b.getCount() + (b.getSuppressed() ? "<5" : ""))
                    .containsExactly("asb=5");
            assertThat(lastAuditEntry().operation()).isEqualTo("Aggregate");
            assertThat(lastAuditEntry().outcome()).isEqualTo(AuditOutcome.RELEASED);
        }

        @Test
        void countsOnlyTheCategoriesTheGrantGives() {
            var response = aggregate(outcomeGrant(TestNode.AGENCY, Purpose.PURPOSE_OUTCOME_EVIDENCE,
                    DataCategory.DATA_CATEGORY_ASB), AggregateMetric.AGGREGATE_METRIC_CASES_BY_RAG);
            assertThat(response.getBucketsList()).extracting(b -> b.getKey() + "=" + b.getCount()).containsExactly("RED=5");
        }

        @Test
        void refusesAggregatesForAnyOtherPurpose() {
            assertRefused(() -> aggregate(outcomeGrant(TestNode.AGENCY, Purpose.PURPOSE_CASE_MANAGEMENT, CRIME),
                    AggregateMetric.AGGREGATE_METRIC_OPEN_CASES), Status.Code.PERMISSION_DENIED, "WRONG_PURPOSE");
        }

        @Test
        void refusesAnAggregateGrantForAnotherAgency() {
            assertRefused(() -> aggregate(outcomeGrant("housing", Purpose.PURPOSE_OUTCOME_EVIDENCE, CRIME),
                    AggregateMetric.AGGREGATE_METRIC_OPEN_CASES), Status.Code.PERMISSION_DENIED, "WRONG_AUDIENCE");
        }

        @Test
        void refusesAForgedAggregateGrant() {
            assertRefused(() -> stub(node.issuers.forgedGrant(outcomeGrant(TestNode.AGENCY, Purpose.PURPOSE_OUTCOME_EVIDENCE, CRIME)))
                    .aggregate(AggregateRequest.newBuilder().setMetric(AggregateMetric.AGGREGATE_METRIC_OPEN_CASES).build()),
                    Status.Code.UNAUTHENTICATED, "BAD_SIGNATURE");
        }

        @Test
        void refusesAGrantAboutAPersonForCounts() {
            assertRefused(() -> aggregate(grant(TestNode.AGENCY, Purpose.PURPOSE_OUTCOME_EVIDENCE, tom, Instant.now(), CRIME),
                    AggregateMetric.AGGREGATE_METRIC_OPEN_CASES), Status.Code.PERMISSION_DENIED, "WRONG_SUBJECT");
        }

        @Test
        void anAggregateGrantLooksNoOneUp() {
            String counting = node.issuers.grant(outcomeGrant(TestNode.AGENCY, Purpose.PURPOSE_OUTCOME_EVIDENCE, CRIME));
            assertRefused(() -> record(counting, GetSubjectRecordRequest.newBuilder()),
                    Status.Code.PERMISSION_DENIED, "WRONG_SUBJECT");
            assertRefused(() -> stub(counting).matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tom).build()),
                    Status.Code.PERMISSION_DENIED, "WRONG_SUBJECT");
        }

        @Test
        void countsOncePerGrant() {
            String jws = node.issuers.grant(outcomeGrant(TestNode.AGENCY, Purpose.PURPOSE_OUTCOME_EVIDENCE, CRIME));
            var count = AggregateRequest.newBuilder().setMetric(AggregateMetric.AGGREGATE_METRIC_OPEN_CASES).build();
            stub(jws).aggregate(count);
            assertRefused(() -> stub(jws).aggregate(count), Status.Code.PERMISSION_DENIED, "REPLAYED");
        }

        @Test
        void refusesAnUnknownMetric() {
            assertRefused(() -> aggregate(outcomeGrant(TestNode.AGENCY, Purpose.PURPOSE_OUTCOME_EVIDENCE, CRIME),
                    AggregateMetric.AGGREGATE_METRIC_UNSPECIFIED), Status.Code.INVALID_ARGUMENT, "BAD_METRIC");
        }
    }
}
