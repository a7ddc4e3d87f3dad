package org.goldenthread.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consent is earned, not asserted (issue 14), end to end through the gateway, consent-service and three real
 * nodes: a key-worker's blanket consent releases no special-category data until the source's DPO acknowledges it
 * (and the source's review queue shows it); the mental-health trust's very involvement is health data, so a deny
 * of HEALTH_MENTAL withholds it whole and an agreement that does not name it releases not even its known-to flag;
 * COORDINATION reads no record; break-glass needs its own role, a justification a person wrote, and a second
 * person to renew.
 */
class ConsentGovernanceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOM = """
            {"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14","postcode":"NS1 4AB"}""";
    private static final String MALCOLM = """
            {"familyName":"Davis","givenName":"Malcolm","dateOfBirth":"1979-11-23","postcode":"NS3 2CD"}""";
    private static final String PSYCHOSIS_TEAM = "Early Intervention in Psychosis";
    private static final String JUSTIFICATION = "Neighbour reports screaming at the Davis home tonight; checking for "
            + "children at risk before officers attend";

    @TempDir
    static Path data;
    static LocalFederation federation;
    static ServiceClient services;
    static final HttpClient http = HttpClient.newHttpClient();
    static String keyWorker;
    static String sergeant;
    static String constable;
    static String policeManager;
    static String consentId;

    @BeforeAll
    static void startFederation() {
        List<AgencySpec> agencies = List.of(
                new AgencySpec("police", "Police", List.of("INVOLVEMENT", "CRIME")),
                new AgencySpec("housing", "Housing", List.of("INVOLVEMENT", "ASB")),
                new AgencySpec("mentalhealth", "Mental health", List.of("INVOLVEMENT", "HEALTH_MENTAL", "SUBSTANCE_MISUSE"),
                        List.of("HEALTH_MENTAL")));
        federation = LocalFederation.start(new FederationPlan(data, 0, agencies, false,
                List.of("--goldenthread.gateway.node-deadline=3s")), (s, u, ms) -> { });
        UserDirectory users = federation.identity().getBean(UserDirectory.class);
        users.ensureUser("kw", "Sam Patel", "council", Set.of(Role.KEY_WORKER), PASSWORD);
        users.ensureUser("sergeant", "PS Jordan Lee", "police", Set.of(Role.KEY_WORKER, Role.BREAK_GLASS), PASSWORD);
        users.ensureUser("constable", "PC Ash", "police", Set.of(Role.KEY_WORKER), PASSWORD);
        users.ensureUser("police.manager", "Inspector Kaur", "police", Set.of(Role.TEAM_MANAGER), PASSWORD);
        for (AgencySpec agency : agencies) {
            users.ensureUser(agency.id() + ".worker", "Worker", agency.id(), Set.of(Role.KEY_WORKER), PASSWORD);
            users.ensureUser(agency.id() + ".dpo", "DPO", agency.id(), Set.of(Role.DPO), PASSWORD);
            users.ensureUser(agency.id() + ".admin", "Admin", agency.id(), Set.of(Role.AGENCY_ADMIN), PASSWORD);
        }
        services = new ServiceClient(federation.gatewayUrl());
        seed("police", "S-1", TOM, "CRIME", "Neighbourhood Policing", "Called to a disturbance at the family home.");
        seed("housing", "S-1", TOM, "ASB", "Tenancy Support", "Neighbour complaint about noise logged.");
        seed("mentalhealth", "S-1", TOM, "HEALTH_MENTAL", PSYCHOSIS_TEAM, "Initial assessment: low mood and anxiety.");
        seed("police", "S-2", MALCOLM, "DOMESTIC_ABUSE", "Public Protection", "Malcolm reports being assaulted at home.");
        seed("housing", "S-2", MALCOLM, "ASB", "Tenancy Support", "Third noise report from the Davis address.");
        for (AgencySpec agency : agencies) {
            knownToAgreement(agency.id(), List.of("council", "police", "housing", "mentalhealth"), List.of("INVOLVEMENT"));
        }
        knownToAgreement("mentalhealth", List.of("council"), List.of("INVOLVEMENT", "HEALTH_MENTAL"));
        keyWorker = services.login("kw", PASSWORD);
        sergeant = services.login("sergeant", PASSWORD);
        constable = services.login("constable", PASSWORD);
        policeManager = services.login("police.manager", PASSWORD);
        HttpResponse<String> recorded = send("POST", "/api/consents", keyWorker, """
                {"subject":%s,
                 "period":{"start":"%s"},
                 "evidence":{"kind":"SIGNED_FORM","reference":"GOV-1","privacyNoticeVersion":"v3"},
                 "provisions":[{"type":"PERMIT","allSources":true,"allRecipients":true,
                                "purposes":["CASE_MANAGEMENT"],"allCategories":true},
                               {"type":"DENY","sources":["mentalhealth"],"recipients":["police"],"allPurposes":true,
                                "categories":["HEALTH_MENTAL"]}]}""".formatted(TOM, Instant.now().minus(Duration.ofDays(1))));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        consentId = json(recorded).get("id").asString();
    }

    private static void seed(String agency, String subjectRef, String subject, String category, String team, String summary) {
        String token = services.login(agency + ".worker", PASSWORD);
        String node = federation.gatewayUrl() + "/api/agencies/" + agency;
        services.put(node + "/subjects/" + subjectRef, token, subject);
        String caseRef = subjectRef + "-C";
        services.put(node + "/cases/" + caseRef, token, """
                {"subjectRef":"%s","caseType":"demo","category":"%s","status":"OPEN","openedAt":"2026-06-01T09:00:00Z",
                 "leadWorker":"Worker","team":"%s","contact":"01632 960000","rag":"AMBER","needs":["HEALTH"]}"""
                .formatted(subjectRef, category, team));
        services.put(node + "/cases/" + caseRef + "/events/E-1", token, """
                {"kind":"NOTE","category":"%s","occurredAt":"2026-06-02T09:00:00Z","summary":"%s"}"""
                .formatted(category, summary));
    }

    private static void knownToAgreement(String agency, List<String> recipients, List<String> categories) {
        services.postUnlessDuplicate(federation.gatewayUrl() + "/api/consents/isas", services.login(agency + ".admin", PASSWORD), """
                {"title":"Known-to %s","recipients":%s,"purposes":["COORDINATION"],"categories":%s,
                 "period":{"start":"2026-01-01T00:00:00Z"},"signOff":{"by":"DPO","role":"DPO","at":"2025-12-15T00:00:00Z"}}"""
                .formatted(String.join(",", categories), JSON.writeValueAsString(recipients), JSON.writeValueAsString(categories)));
    }

    @AfterAll
    static void stopFederation() {
        if (federation != null) {
            federation.close();
        }
    }

    static HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(federation.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    static HttpResponse<String> ask(String token, String subject, String purpose, String justification) {
        String body = justification == null
                ? "{\"purpose\":\"%s\",\"subject\":%s}".formatted(purpose, subject)
                : "{\"purpose\":\"%s\",\"subject\":%s,\"breakGlassJustification\":%s}".formatted(purpose, subject,
                        JSON.writeValueAsString(justification));
        return send("POST", "/api/federation/subjects/view", token, body);
    }

    static JsonNode view(String token, String subject, String purpose, String justification) {
        HttpResponse<String> answer = ask(token, subject, purpose, justification);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }

    static JsonNode knownTo(String token, String subject) {
        HttpResponse<String> answer = send("POST", "/api/federation/subjects/known-to", token, "{\"subject\":" + subject + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }

    static JsonNode agency(JsonNode view, String agency) {
        return view.get("agencies").valueStream().filter(a -> a.get("agency").asString().equals(agency))
                .findFirst().orElseThrow();
    }

    static String status(JsonNode view, String agency) {
        return agency(view, agency).get("status").asString();
    }

    static List<String> released(JsonNode view, String agency) {
        return agency(view, agency).path("released").valueStream().map(JsonNode::asString).toList();
    }

    static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(answer);
        String seen = problem.path("consentCode").isMissingNode() ? problem.get("code").asString()
                : problem.get("consentCode").asString();
        assertThat(List.of(problem.get("code").asString(), seen)).as(answer.body()).contains(code);
    }

    /** Acknowledges the consent for the DPO's own agency, through the gateway. */
    static HttpResponse<String> acknowledge(String agency) {
        return send("POST", "/api/consents/consent-reviews/" + consentId + ".r1/acknowledgement",
                services.login(agency + ".dpo", PASSWORD), "{\"note\":\"Checked against the signed form\"}");
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class ABlanketConsent {

        @Test
        @Order(1)
        void releasesNothingFromASourceUntilItsDpoAcknowledgesAndTheQueueShowsIt() {
            JsonNode before = view(keyWorker, TOM, "CASE_MANAGEMENT", null);
            assertThat(status(before, "mentalhealth")).isEqualTo("NOT_PERMITTED");
            assertThat(agency(before, "mentalhealth").get("reason").asString()).contains("acknowledge");
            assertThat(before.toString()).doesNotContain("low mood", PSYCHOSIS_TEAM);

            HttpResponse<String> queue = send("GET", "/api/consents/consent-reviews", services.login("mentalhealth.dpo", PASSWORD), null);
            assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
            assertThat(queue.body()).contains(consentId);
            assertThat(queue.body()).doesNotContain("Hale", "9434765919");

            for (String source : List.of("police", "housing", "mentalhealth")) {
                HttpResponse<String> acknowledged = acknowledge(source);
                assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
            }
            JsonNode after = view(keyWorker, TOM, "CASE_MANAGEMENT", null);
            assertThat(status(after, "mentalhealth")).isEqualTo("OK");
            assertThat(released(after, "mentalhealth")).contains("HEALTH_MENTAL");
            assertThat(status(after, "police")).isEqualTo("OK");
            assertThat(after.toString()).contains("low mood");
        }

        @Test
        @Order(2)
        void aDenyOfMentalHealthDetailWithholdsTheTrustWholeFromThePolice() {
            JsonNode police = view(sergeant, TOM, "CASE_MANAGEMENT", null);
            assertThat(status(police, "mentalhealth")).isEqualTo("NOT_PERMITTED");
            assertThat(agency(police, "mentalhealth").get("reason").asString()).contains("HEALTH_MENTAL");
            assertThat(status(police, "housing")).isEqualTo("OK");
            assertThat(police.toString()).doesNotContain("low mood", PSYCHOSIS_TEAM);
        }

        @Test
        @Order(3)
        void aSecondAcknowledgementIsRefusedAndAnotherAgencysDpoCannotReadTheRecord() {
            assertThat(acknowledge("mentalhealth").statusCode()).isEqualTo(409);
            HttpResponse<String> stranger = send("GET", "/api/consents/" + consentId,
                    services.login("police.admin", PASSWORD), null);
            assertProblem(stranger, 404, "consent-not-found");
        }
    }

    @Nested
    class KnownTo {

        @Test
        void coordinationReadsNoRecordAndTheTrustsInvolvementNeedsAnAgreementNamingIt() {
            JsonNode police = knownTo(sergeant, TOM);
            assertThat(status(police, "housing")).isEqualTo("OK");
            assertThat(status(police, "mentalhealth")).isEqualTo("NOT_PERMITTED");
            assertThat(police.toString()).doesNotContain(PSYCHOSIS_TEAM, "low mood", "noise", "disturbance", "demo");

            JsonNode council = knownTo(keyWorker, TOM);
            assertThat(status(council, "mentalhealth")).isEqualTo("OK");
            assertThat(agency(council, "mentalhealth").get("involvement").get("team").asString()).isEqualTo(PSYCHOSIS_TEAM);
            assertThat(council.toString()).doesNotContain("low mood", "noise", "disturbance");
        }

        @Test
        void aViewForCoordinationIsRefused() {
            assertProblem(ask(keyWorker, TOM, "COORDINATION", null), 400, "purpose-not-for-view");
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class BreakGlass {

        @Test
        @Order(1)
        void needsItsOwnRoleAndAJustificationAPersonWrote() {
            assertProblem(ask(constable, MALCOLM, "SAFEGUARDING", JUSTIFICATION), 403, "break-glass-not-allowed");
            assertProblem(ask(sergeant, MALCOLM, "SAFEGUARDING", "a".repeat(40)), 422, "justification-filler");
        }

        @Test
        @Order(2)
        void opensASessionWithACountdownReleasingTheSafeguardingSetAndTheSourcesReviewIt() {
            JsonNode view = view(sergeant, MALCOLM, "SAFEGUARDING", JUSTIFICATION);
            assertThat(status(view, "housing")).isEqualTo("OK");
            assertThat(agency(view, "housing").get("basis").asString()).isEqualTo("VITAL_INTERESTS");
            Instant expiresAt = Instant.parse(view.get("breakGlass").get("expiresAt").asString());
            assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
            assertThat(view.toString()).contains("Third noise report");

            HttpResponse<String> reviews = send("GET", "/api/consents/reviews", services.login("housing.dpo", PASSWORD), null);
            assertThat(reviews.statusCode()).as(reviews.body()).isEqualTo(200);
            assertThat(reviews.body()).contains(view.get("breakGlass").get("sessionId").asString());
        }

        @Test
        @Order(3)
        void aRenewalNeedsASecondPersonsApproval() {
            String again = JUSTIFICATION + ", and again after the second call from the neighbour";
            HttpResponse<String> refused = ask(sergeant, MALCOLM, "SAFEGUARDING", again);
            assertProblem(refused, 403, "break-glass-renewal-needs-approval");

            HttpResponse<String> pending = send("GET", "/api/consents/break-glass/renewals", policeManager, null);
            assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
            String renewal = json(pending).get("renewals").get(0).get("id").asString();
            assertThat(json(refused).get("renewalRequestId").asString()).isEqualTo(renewal);
            assertThat(send("POST", "/api/consents/break-glass/renewals/" + renewal, sergeant,
                    "{\"outcome\":\"APPROVED\"}").statusCode()).isEqualTo(403);
            HttpResponse<String> approved = send("POST", "/api/consents/break-glass/renewals/" + renewal, policeManager,
                    "{\"outcome\":\"APPROVED\",\"note\":\"Second call confirmed by control room\"}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

            JsonNode renewed = view(sergeant, MALCOLM, "SAFEGUARDING", again);
            assertThat(status(renewed, "housing")).isEqualTo("OK");
            assertThat(renewed.get("breakGlass").get("sessionId").asString()).isNotBlank();
        }
    }
}
