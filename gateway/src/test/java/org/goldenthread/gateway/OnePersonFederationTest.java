package org.goldenthread.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.Involvement;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.goldenthread.proto.node.v1.TimelineEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * "One person, one decision" at the gateway, booted with its production wiring against loopback
 * stand-ins for identity-service, consent-service and three agency nodes (real gRPC servers): a grant
 * per node, the nodes' one-person refusals and POSSIBLE matches as the key-worker sees them, match
 * confirmations, and consent-service's refusals.
 */
class OnePersonFederationTest {

    static FakeIdentity identity;
    static FakeConsent consent;
    static FakeNode housing;
    static FakeNode police;
    static FakeNode college;
    static ConfigurableApplicationContext gateway;
    static WebTestClient http;
    static String keyWorker;
    static ListAppender<ILoggingEvent> audit;

    static final String SUBJECT = """
            {"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14","postcode":"NS1 4AB"}""";
    static final String VIEW = """
            {"purpose":"CASE_MANAGEMENT","subject":%s}""".formatted(SUBJECT);
    static final String REF = "cf1.eyJwIjoiaG91c2luZyJ9.c2lnbmVk-_";

    @BeforeAll
    static void boot() throws Exception {
        identity = new FakeIdentity();
        consent = new FakeConsent();
        housing = new FakeNode();
        police = new FakeNode();
        college = new FakeNode();
        identity.registry("[" + agency("college", "College", college) + "," + agency("housing", "Housing", housing) + ","
                + agency("police", "Police", police) + "]");
        gateway = StandIns.gateway(identity, consent);
        http = StandIns.client(gateway);
        keyWorker = identity.token("kw1", "council", List.of("KEY_WORKER"));
        audit = new ListAppender<>();
        audit.start();
        ((Logger) LoggerFactory.getLogger("goldenthread.federation.audit")).addAppender(audit);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        for (AutoCloseable closing : new AutoCloseable[] {housing, police, college, consent, identity}) {
            try {
                closing.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static String agency(String id, String name, FakeNode node) {
        return StandIns.agency(id, name, node);
    }

    static WebTestClient.ResponseSpec post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keyWorker).bodyValue(body).exchange();
    }

    static WebTestClient.BodyContentSpec view(String body) {
        return post("/api/federation/subjects/view", body).expectStatus().isOk().expectBody();
    }

    static String withConfirmations(String confirmations) {
        return """
                {"purpose":"CASE_MANAGEMENT","subject":%s,"confirmations":%s}""".formatted(SUBJECT, confirmations);
    }

    static SubjectMatch match(MatchStrength strength, String ref, LinkageTokenKind... kinds) {
        SubjectMatch.Builder match = SubjectMatch.newBuilder().setSubjectRef("p-" + strength.getNumber() + ref.length())
                .setStrength(strength).setConfirmationRef(ref);
        for (LinkageTokenKind kind : kinds) {
            match.addMatchedKinds(kind);
        }
        return match.build();
    }

    static SubjectMatch possibleWithLeadWorker() {
        return match(MatchStrength.MATCH_STRENGTH_POSSIBLE, REF, LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA)
                .toBuilder().setInvolvement(Involvement.newBuilder().setOpenCase(true).setLeadWorker("Sam Patel")
                        .setTeam("Tenancy sustainment").setContact("0113 496 0000")).build();
    }

    static TimelineEvent event(String agency, String id) {
        return TimelineEvent.newBuilder().setEventId(id).setSummary("visit").setProvenance(Provenance.newBuilder()
                .setAgencyId(agency).setRecordId(id).setCategory(DataCategory.DATA_CATEGORY_HOUSING)).build();
    }

    static GetSubjectRecordResponse exact(String agency, String eventId) {
        return GetSubjectRecordResponse.newBuilder()
                .addMatches(match(MatchStrength.MATCH_STRENGTH_EXACT, "", LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS))
                .addEvents(event(agency, eventId)).build();
    }

    @Nested
    class AGrantPerNode {

        @Test
        void sendsEachAgencyItsOwnGrantAndNoOther() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"), FakeConsent.permit("police", "HOUSING"));
            housing.answers(exact("housing", "h1"));
            police.answers(exact("police", "p1"));
            view(VIEW)
                    .jsonPath("$.agencies[?(@.agency=='housing')].status").isEqualTo("OK")
                    .jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo("OK")
                    .jsonPath("$.timeline.length()").isEqualTo(2);
            assertThat(housing.grants).containsExactly("grant-for-housing");
            assertThat(police.grants).containsExactly("grant-for-police");
            assertThat(college.calls()).isZero();
        }

        @Test
        void asksNoAgencyWhosePermitCameWithoutAGrant() {
            consent.decides(FakeConsent.permitWithoutGrant("housing", "HOUSING"), FakeConsent.deny("police", "no consent"));
            housing.answers(exact("housing", "h1"));
            police.answers(exact("police", "p1"));
            view(VIEW)
                    .jsonPath("$.agencies[?(@.agency=='housing')].status").isEqualTo("NOT_PERMITTED")
                    .jsonPath("$.agencies[?(@.agency=='housing')].reason").value(r -> assertThat(r.toString()).contains("no grant"))
                    .jsonPath("$.agencies[?(@.agency=='police')].reason").isEqualTo("no consent")
                    .jsonPath("$.timeline.length()").isEqualTo(0);
            assertThat(housing.calls()).isZero();
            assertThat(police.calls()).isZero();
        }

        @Test
        void sendsKnownToAndCountsWithEachAgencysOwnGrant() {
            consent.decides(FakeConsent.permit("housing", "INVOLVEMENT"), FakeConsent.permit("police", "INVOLVEMENT"));
            housing.matches(MatchSubjectResponse.getDefaultInstance());
            police.matches(MatchSubjectResponse.getDefaultInstance());
            post("/api/federation/subjects/known-to", "{\"subject\":" + SUBJECT + "}").expectStatus().isOk();
            assertThat(housing.grants).containsExactly("grant-for-housing");
            assertThat(police.grants).containsExactly("grant-for-police");

            consent.decides(FakeConsent.permit("police", "CRIME"));
            police.answers(GetSubjectRecordResponse.getDefaultInstance());
            post("/api/federation/aggregates", """
                    {"metric":"OPEN_CASES","categories":["CRIME"]}""").expectStatus().isOk()
                    .expectBody().jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo("OK");
            assertThat(police.grants).containsExactly("grant-for-police");
        }

        @Test
        void asksConsentWithOneTokenPerKindAndTheLegacyNameTokenWhereNormalisationChanged() {
            consent.decides(FakeConsent.deny("housing", "no consent"));
            view("""
                    {"purpose":"CASE_MANAGEMENT","subject":{"familyName":"Kierkegaard","givenName":"Søren",
                     "dateOfBirth":"1990-05-05"}}""");
            var asked = consent.lastRequest();
            assertThat(asked.path("subjectTokens").size()).isEqualTo(1);
            assertThat(asked.path("legacyTokens").size()).isEqualTo(1);
            assertThat(asked.path("legacyTokens").get(0).path("kind").asString()).isEqualTo("NAME_DOB");
            assertThat(asked.path("legacyTokens").get(0).path("value").asString())
                    .isNotEqualTo(asked.path("subjectTokens").get(0).path("value").asString());

            view(VIEW);
            List<String> kinds = new ArrayList<>();
            consent.lastRequest().path("subjectTokens").values().forEach(t -> kinds.add(t.path("kind").asString()));
            assertThat(kinds).containsExactly("NHS", "NAME_DOB", "FUZZY_NAME_DOB_AREA");
            assertThat(consent.lastRequest().has("legacyTokens")).as("nothing changed for plain ASCII names").isFalse();
        }
    }

    @Nested
    class WhenANodeCannotSettleOnePerson {

        void refusedWith(Status.Code code, String reason, String status, String sentence) {
            consent.decides(FakeConsent.permit("housing", "HOUSING"), FakeConsent.permit("police", "HOUSING"));
            housing.answers(exact("housing", "h1"));
            police.refuses(code, reason);
            view(VIEW)
                    .jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo(status)
                    .jsonPath("$.agencies[?(@.agency=='police')].reasonCode").isEqualTo(reason)
                    .jsonPath("$.agencies[?(@.agency=='police')].reason").isEqualTo(sentence)
                    .jsonPath("$.agencies[?(@.agency=='police')].released.length()").isEqualTo(0)
                    .jsonPath("$.agencies[?(@.agency=='housing')].status").isEqualTo("OK")
                    .jsonPath("$.timeline[*].provenance.agency").isEqualTo("housing");
        }

        @Test
        void reportsSeveralPeopleAsAmbiguous() {
            refusedWith(Status.Code.FAILED_PRECONDITION, "AMBIGUOUS_SUBJECT", "AMBIGUOUS",
                    "More than one person at this agency matches; add an NHS or National Insurance number.");
        }

        @Test
        void reportsDisagreeingIdentifiersAsAmbiguous() {
            refusedWith(Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE", "AMBIGUOUS",
                    "Some of the identifiers match a person at this agency and others do not; check them against your own record.");
        }

        @Test
        void reportsAMatchTheBasisIsNotKnownByAsAmbiguous() {
            consent.decides(FakeConsent.permit("police", "HOUSING"));
            police.refuses(Status.Code.FAILED_PRECONDITION, "NOT_ANCHORED");
            view(VIEW)
                    .jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo("AMBIGUOUS")
                    .jsonPath("$.agencies[?(@.agency=='police')].reasonCode").isEqualTo("NOT_ANCHORED")
                    .jsonPath("$.agencies[?(@.agency=='police')].reason")
                    .value(r -> assertThat(r.toString()).contains("consent or agreement was recorded under", "nothing was released"));
        }

        @Test
        void reportsARepeatedIdentifierAsAReadableError() {
            refusedWith(Status.Code.INVALID_ARGUMENT, "REPEATED_IDENTIFIER", "ERROR",
                    "The request carried two different identifiers of the same kind, so this agency refused it;"
                            + " give one NHS number, one National Insurance number and one name with date of birth.");
        }

        @Test
        void neverOpensTheNodesBreakerForAmbiguity() {
            consent.decides(FakeConsent.permit("police", "HOUSING"));
            police.refuses(Status.Code.FAILED_PRECONDITION, "AMBIGUOUS_SUBJECT");
            for (int i = 0; i < 8; i++) {
                view(VIEW).jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo("AMBIGUOUS");
            }
            assertThat(police.calls()).isEqualTo(8);
        }

        @Test
        void opensTheBreakerOfABrokenNode() {
            // The contrast that shows the test above can fail: a node that is broken is cut off.
            consent.decides(FakeConsent.permit("college", "HOUSING"));
            college.fails(Status.INTERNAL);
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                view(VIEW).jsonPath("$.agencies[?(@.agency=='college')].status").value(s -> statuses.add(s.toString()));
            }
            assertThat(statuses.get(0)).contains("ERROR");
            assertThat(statuses.get(7)).contains("CIRCUIT_OPEN");
            assertThat(college.calls()).isLessThan(8);
        }

        @Test
        void showsNothingWhenANodeAnswersAboutTwoPeople() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            housing.answers(exact("housing", "h1").toBuilder()
                    .addMatches(match(MatchStrength.MATCH_STRENGTH_STRONG, "", LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB))
                    .addEvents(event("housing", "h2")).build());
            view(VIEW)
                    .jsonPath("$.agencies[1].status").isEqualTo("AMBIGUOUS")
                    .jsonPath("$.agencies[?(@.agency=='housing')].withheld").isEqualTo(2)
                    .jsonPath("$.timeline.length()").isEqualTo(0);
        }
    }

    @Nested
    class WhenTheOnlyMatchIsPossible {

        @Test
        void asksTheKeyWorkerToConfirmWithoutRevealingTheOtherAgencysIdentifiers() {
            consent.decides(FakeConsent.permit("housing", "HOUSING", "INVOLVEMENT"));
            housing.answers(GetSubjectRecordResponse.newBuilder().addMatches(possibleWithLeadWorker()).build());
            view(VIEW)
                    .jsonPath("$.agencies[?(@.agency=='housing')].status").isEqualTo("NEEDS_CONFIRMATION")
                    .jsonPath("$.agencies[?(@.agency=='housing')].matchStrength").isEqualTo("POSSIBLE")
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmation.ref").isEqualTo(REF)
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmation.matchedOn[0]").isEqualTo("FUZZY_NAME_DOB_AREA")
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmation.involvement.leadWorker").isEqualTo("Sam Patel")
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmation.prompt").value(p -> assertThat(p.toString())
                            .contains("A person at Housing has a similar name, the same date of birth and lives in the same"
                                    + " postcode district, but the match is not certain.", "Sam Patel", "then confirm to see the record")
                            .doesNotContain("Hale", "9434765919", "NS1"))
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmed").isEqualTo(false)
                    .jsonPath("$.timeline.length()").isEqualTo(0);
        }

        @Test
        void withholdsRecordsANodeSendsForAnUnconfirmedMatch() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            housing.answers(GetSubjectRecordResponse.newBuilder().addMatches(possibleWithLeadWorker())
                    .addEvents(event("housing", "h1")).build());
            view(VIEW)
                    .jsonPath("$.agencies[1].status").isEqualTo("NEEDS_CONFIRMATION")
                    .jsonPath("$.agencies[?(@.agency=='housing')].withheld").isEqualTo(1)
                    .jsonPath("$.timeline.length()").isEqualTo(0);
        }

        @Test
        void reportsSeveralPossibleMatchesAsAmbiguousWithNothingToConfirm() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            housing.answers(GetSubjectRecordResponse.newBuilder().addMatches(possibleWithLeadWorker())
                    .addMatches(match(MatchStrength.MATCH_STRENGTH_POSSIBLE, "other.ref",
                            LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA)).build());
            view(VIEW)
                    .jsonPath("$.agencies[1].status").isEqualTo("AMBIGUOUS")
                    .jsonPath("$.agencies[1].reasonCode").isEqualTo("AMBIGUOUS_SUBJECT")
                    .jsonPath("$.agencies[1].confirmation").doesNotExist();
        }

        @Test
        void sendsTheConfirmationToThatAgencyAloneAndAuditsOnlyTheFact() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"), FakeConsent.permit("police", "HOUSING"));
            housing.answers(GetSubjectRecordResponse.newBuilder()
                    .addMatches(match(MatchStrength.MATCH_STRENGTH_POSSIBLE, "", LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA))
                    .addEvents(event("housing", "h1")).build());
            police.answers(exact("police", "p1"));
            audit.list.clear();
            view(withConfirmations("[{\"agency\":\"housing\",\"ref\":\"" + REF + "\"}]"))
                    .jsonPath("$.agencies[?(@.agency=='housing')].status").isEqualTo("OK")
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmed").isEqualTo(true)
                    .jsonPath("$.agencies[?(@.agency=='housing')].matchStrength").isEqualTo("POSSIBLE")
                    .jsonPath("$.agencies[?(@.agency=='police')].confirmed").isEqualTo(false)
                    .jsonPath("$.timeline.length()").isEqualTo(2);
            assertThat(housing.recordRequests).singleElement().satisfies(r -> assertThat(r.getConfirmedMatch()).isEqualTo(REF));
            assertThat(police.recordRequests).singleElement().satisfies(r -> assertThat(r.getConfirmedMatch()).isEmpty());
            assertThat(audit.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                    .contains("confirmed=[housing]").doesNotContain(REF, "Hale"));
        }

        @Test
        void offersAPossibleMatchForConfirmationFromKnownTo() {
            consent.decides(FakeConsent.permit("housing", "INVOLVEMENT"), FakeConsent.permit("police", "INVOLVEMENT"));
            housing.matches(MatchSubjectResponse.newBuilder().addMatches(possibleWithLeadWorker()).build());
            police.matches(MatchSubjectResponse.newBuilder().addMatches(match(MatchStrength.MATCH_STRENGTH_EXACT, "",
                    LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).toBuilder().setInvolvement(Involvement.newBuilder()
                    .setLeadWorker("PC Jones"))).build());
            post("/api/federation/subjects/known-to", "{\"subject\":" + SUBJECT + "}").expectStatus().isOk().expectBody()
                    .jsonPath("$.agencies[?(@.agency=='housing')].status").isEqualTo("NEEDS_CONFIRMATION")
                    .jsonPath("$.agencies[1].involvement").doesNotExist()
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmation.ref").isEqualTo(REF)
                    .jsonPath("$.agencies[?(@.agency=='housing')].confirmation.involvement.team").isEqualTo("Tenancy sustainment")
                    .jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo("OK")
                    .jsonPath("$.agencies[?(@.agency=='police')].matchStrength").isEqualTo("EXACT")
                    .jsonPath("$.agencies[?(@.agency=='police')].involvement.leadWorker").isEqualTo("PC Jones");
        }

        @Test
        void reportsAKnownToRefusalAsAmbiguous() {
            consent.decides(FakeConsent.permit("police", "INVOLVEMENT"));
            police.refuses(Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE");
            post("/api/federation/subjects/known-to", "{\"subject\":" + SUBJECT + "}").expectStatus().isOk().expectBody()
                    .jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo("AMBIGUOUS")
                    .jsonPath("$.agencies[?(@.agency=='police')].reasonCode").isEqualTo("IDENTIFIERS_DISAGREE");
        }
    }

    @Nested
    class ConfirmationsAreValidated {

        void refused(String confirmations, String code, String field) {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            housing.answers(exact("housing", "h1"));
            post("/api/federation/subjects/view", withConfirmations(confirmations)).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo(code)
                    .jsonPath("$.errors[0].field").isEqualTo(field);
            assertThat(consent.calls).as("no decision asked").hasValue(0);
            assertThat(housing.calls()).as("no node asked").isZero();
        }

        @Test
        void refusesMoreThanTen() {
            String one = "{\"agency\":\"housing\",\"ref\":\"abc\"}";
            refused("[" + String.join(",", java.util.Collections.nCopies(11, one)) + "]", "validation-failed", "confirmations");
        }

        @Test
        void refusesAReferenceWithCharactersNoReferenceHas() {
            refused("[{\"agency\":\"housing\",\"ref\":\"abc/def\"}]", "validation-failed", "confirmations[0].ref");
        }

        @Test
        void refusesAReferenceLongerThan512() {
            refused("[{\"agency\":\"housing\",\"ref\":\"" + "a".repeat(513) + "\"}]", "validation-failed",
                    "confirmations[0].ref");
        }

        @Test
        void refusesAMissingReference() {
            refused("[{\"agency\":\"housing\"}]", "validation-failed", "confirmations[0].ref");
        }

        @Test
        void refusesSomethingThatIsNotAnAgencyId() {
            refused("[{\"agency\":\"Housing!\",\"ref\":\"abc\"}]", "validation-failed", "confirmations[0].agency");
        }

        @Test
        void refusesAnAgencyNotInTheRegistry() {
            refused("[{\"agency\":\"nowhere\",\"ref\":\"abc\"}]", "unknown-agency", "confirmations[0].agency");
        }

        @Test
        void refusesTwoConfirmationsForOneAgency() {
            refused("[{\"agency\":\"housing\",\"ref\":\"abc\"},{\"agency\":\"housing\",\"ref\":\"def\"}]",
                    "validation-failed", "confirmations[1].agency");
        }

        @Test
        void refusesAConfirmationForAnAgencyNotAsked() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            post("/api/federation/subjects/view", """
                    {"purpose":"CASE_MANAGEMENT","subject":%s,"agencies":["housing"],
                     "confirmations":[{"agency":"police","ref":"abc"}]}""".formatted(SUBJECT)).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("confirmations[0].agency");
            assertThat(consent.calls).hasValue(0);
        }
    }

    @Nested
    class WhenConsentServiceRefuses {

        static final String DISAGREE = """
                {"type":"https://goldenthread.example/problems/identifiers-disagree","title":"Unprocessable Content",
                 "status":422,"detail":"the identifiers belong to different people","code":"identifiers-disagree",
                 "kinds":["NHS","NAME_DOB"]}""";

        @Test
        void namesTheFieldsThatBelongToDifferentPeopleAndAsksNoNode() {
            consent.answer(422, "application/problem+json", DISAGREE);
            housing.answers(exact("housing", "h1"));
            post("/api/federation/subjects/view", VIEW).expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("identifiers-disagree")
                    .jsonPath("$.kinds").isEqualTo(List.of("NHS", "NAME_DOB"))
                    .jsonPath("$.errors[*].field").isEqualTo(List.of("subject.nhsNumber", "subject.familyName",
                            "subject.givenName", "subject.dateOfBirth"))
                    .jsonPath("$.detail").value(d -> assertThat(d.toString()).startsWith(
                            "these identifiers belong to different people in the consent records: check the NHS number"
                                    + " and the name and date of birth"));
            assertThat(housing.calls()).isZero();
        }

        @Test
        void refusesAKnownToSearchTheSameWay() {
            consent.answer(422, "application/problem+json", DISAGREE.replace("\"NHS\",\"NAME_DOB\"", "\"NINO\",\"NHS\""));
            post("/api/federation/subjects/known-to", "{\"subject\":" + SUBJECT + "}").expectStatus().isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("identifiers-disagree")
                    .jsonPath("$.errors[*].field").isEqualTo(List.of("subject.nationalInsuranceNumber", "subject.nhsNumber"));
            assertThat(housing.calls() + police.calls()).isZero();
        }

        @Test
        void passesOnAnotherRefusalWithConsentServicesCode() {
            consent.answer(400, "application/problem+json", """
                    {"status":400,"code":"validation-failed","detail":"the request is not valid"}""");
            post("/api/federation/subjects/view", VIEW).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.code").isEqualTo("consent-refused")
                    .jsonPath("$.consentCode").isEqualTo("validation-failed")
                    .jsonPath("$.detail").isEqualTo("consent-service refused the decision request: the request is not valid");
        }

        @Test
        void passesOnWhatABreakGlassRefusalNeedsAndNothingElse() {
            consent.answer(403, "application/problem+json", """
                    {"status":403,"code":"break-glass-renewal-needs-approval","detail":"a second person must approve",
                     "renewalRequestId":"7d0c2b1e-5f0e-4c57-9a51-1c3f2d9b8e11","renewsSession":"s-1","rule":"Not A Rule!",
                     "subjectDigest":"abc","limit":"sessions-per-user-per-day","max":3,"window":"PT24H"}""");
            post("/api/federation/subjects/view", VIEW).expectStatus().isForbidden().expectBody()
                    .jsonPath("$.consentCode").isEqualTo("break-glass-renewal-needs-approval")
                    .jsonPath("$.renewalRequestId").isEqualTo("7d0c2b1e-5f0e-4c57-9a51-1c3f2d9b8e11")
                    .jsonPath("$.renewsSession").isEqualTo("s-1")
                    .jsonPath("$.limit").isEqualTo("sessions-per-user-per-day")
                    .jsonPath("$.max").isEqualTo(3)
                    .jsonPath("$.window").isEqualTo("PT24H")
                    .jsonPath("$.rule").doesNotExist()
                    .jsonPath("$.subjectDigest").doesNotExist();
        }

        @Test
        void answersAnUnprocessableRefusalWithoutABodyAsRefused() {
            consent.answer(422, "text/plain", "nope");
            post("/api/federation/subjects/view", VIEW).expectStatus().isEqualTo(422).expectBody()
                    .jsonPath("$.code").isEqualTo("consent-refused");
        }

        @Test
        void treatsARefusalTheKeyWorkerCannotCauseAsABadGateway() {
            consent.answer(404, "application/problem+json", "{\"status\":404,\"code\":\"not-found\"}");
            post("/api/federation/subjects/view", VIEW).expectStatus().isEqualTo(502).expectBody()
                    .jsonPath("$.code").isEqualTo("consent-refused");
            assertThat(housing.calls()).isZero();
        }
    }
}
