package org.goldenthread.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the launcher does for a newcomer: the whole demo federation (five nodes, outcomes) comes
 * up healthy, the README's walk-through answers as documented, and a second start on the same
 * data directory finds everything still there and seeds nothing twice.
 */
class DemoRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void seedsTheDemoOnceAndKeepsItAcrossARestart() throws Exception {
        DemoScenario scenario = DemoScenario.load();
        long subjectsAtPolice;
        String tokenFromBefore;
        try (LocalFederation first = start(scenario)) {
            DemoScenario.SeedReport seeded = scenario.seed(first);
            assertThat(seeded.newConsents()).isEqualTo(1);
            assertThat(seeded.newAgreements()).isEqualTo(10);
            subjectsAtPolice = subjects(first, "police");
            assertThat(subjectsAtPolice).isGreaterThan(0);
            assertTheTrustsDpoHasYetToAcknowledge(first, scenario);
            assertWalkthroughWorks(first, scenario);
            tokenFromBefore = login(first, scenario, "council.manager");
        }
        try (LocalFederation second = start(scenario)) {
            DemoScenario.SeedReport again = scenario.seed(second);
            assertThat(again.newConsents()).isZero();
            assertThat(again.newAgreements()).isZero();
            assertThat(subjects(second, "police")).isEqualTo(subjectsAtPolice);
            assertWalkthroughWorks(second, scenario);
            // A restart signs no one out: the issuer is a stable name and the keys survive in the data directory.
            assertThat(counts(second, tokenFromBefore).statusCode()).isEqualTo(200);
        }
    }

    private LocalFederation start(DemoScenario scenario) {
        LocalFederation federation = LocalFederation.start(
                // A generous node deadline: this test is about seeding and answers, not timeouts.
                new FederationPlan(data, 0, scenario.agencies(), true, List.of("--goldenthread.gateway.node-deadline=3s")),
                (s, u, ms) -> { });
        Readiness.await(federation.healthUrls(), java.time.Duration.ofSeconds(30));
        return federation;
    }

    private static long subjects(LocalFederation federation, String agency) {
        return federation.node(agency).getBean(MongoDatabase.class).getCollection("subjects").countDocuments();
    }

    /**
     * The walk-through's first step: Tom's consent says "all", so each source's DPO must acknowledge it before it
     * releases anything; the seeds acknowledge for four agencies and leave the mental-health trust's to the reader.
     */
    private static void assertTheTrustsDpoHasYetToAcknowledge(LocalFederation federation, DemoScenario scenario)
            throws Exception {
        JsonNode view = view(federation, scenario, scenario.walkthrough().get("user").asString());
        assertThat(status(view, "police")).isEqualTo("OK");
        assertThat(status(view, "mentalhealth")).isEqualTo("NOT_PERMITTED");
        assertThat(agency(view, "mentalhealth").get("reason").asString())
                .contains("waits for mentalhealth's data-protection officer to acknowledge");
        String dpo = login(federation, scenario, "mentalhealth.dpo");
        JsonNode queue = new ServiceClient(federation.gatewayUrl())
                .getJson(federation.gatewayUrl() + "/api/consents/consent-reviews", dpo);
        JsonNode item = queue.get("items").get(0);
        assertThat(item.get("kind").asString()).isEqualTo("RECORDED");
        assertThat(item.get("status").asString()).isEqualTo("PENDING");
        assertThat(new ServiceClient(federation.gatewayUrl()).acknowledgeConsent(federation.gatewayUrl() + "/api/consents",
                dpo, item.get("consentId").asString())).isTrue();
    }

    /** The README's curl walk-through, as a key-worker of the council with Tom Hale's consent on record. */
    private static void assertWalkthroughWorks(LocalFederation federation, DemoScenario scenario) throws Exception {
        JsonNode walkthrough = scenario.walkthrough();
        JsonNode view = view(federation, scenario, walkthrough.get("user").asString());
        assertThat(status(view, "police")).isEqualTo("OK");
        assertThat(status(view, "housing")).isEqualTo("OK");
        assertThat(status(view, "mentalhealth")).isEqualTo("OK");
        assertThat(status(view, "employment")).isEqualTo("NO_RECORD");
        assertThat(view.get("timeline").size()).isGreaterThanOrEqualTo(6);
        assertThat(released(view, "mentalhealth")).contains("HEALTH_MENTAL");

        // The consent's nested deny: mental-health detail never goes to the police, and working with the trust is
        // itself mental-health information, so the police get nothing from it, not even that it is involved.
        JsonNode police = view(federation, scenario, "police.officer");
        assertThat(status(police, "mentalhealth")).isEqualTo("NOT_PERMITTED");
        assertThat(police.toString()).doesNotContain("low mood", "cannabis", "Psychosis");
        JsonNode policeKnownTo = knownTo(federation, scenario, "police.officer", walkthrough.get("subject").toString());
        assertThat(status(policeKnownTo, "mentalhealth")).isEqualTo("NOT_PERMITTED");
        assertThat(policeKnownTo.toString()).doesNotContain("Psychosis");
        // The lead agency's known-to: the trust's own agreement names HEALTH_MENTAL for it, so its team shows.
        JsonNode councilKnownTo = knownTo(federation, scenario, "council.keyworker", walkthrough.get("subject").toString());
        assertThat(agency(councilKnownTo, "mentalhealth").get("involvement").get("team").asString())
                .isEqualTo("Early Intervention in Psychosis");
        assertThat(councilKnownTo.toString()).doesNotContain("low mood", "cannabis");

        // The partnership ISA: known-to flags for coordination, even without consent (the Davis family).
        JsonNode knownTo = knownTo(federation, scenario, "council.keyworker",
                "{\"familyName\":\"Davis\",\"givenName\":\"Malcolm\",\"dateOfBirth\":\"1979-11-23\"}");
        assertThat(status(knownTo, "police")).isEqualTo("OK");
        assertThat(agency(knownTo, "police").get("involvement").get("leadWorker").asString()).isEqualTo("PS Jordan Lee");
        assertThat(status(knownTo, "housing")).isEqualTo("OK");
        assertThat(status(knownTo, "mentalhealth")).isEqualTo("NO_RECORD");
        assertThat(knownTo.toString()).doesNotContain("assaulted", "DASH");

        // The README's counts: twelve employment-support cases released as 10; housing's three tenancy cases left out.
        HttpResponse<String> counted = counts(federation, login(federation, scenario, "council.manager"));
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        JsonNode counts = JSON.readTree(counted.body());
        assertThat(counts.get("totals").toString()).isEqualTo("[{\"key\":\"employment-support\",\"count\":10}]");
        assertThat(agency(counts, "housing").get("buckets").isEmpty()).isTrue();
    }

    private static HttpResponse<String> counts(LocalFederation federation, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(federation.gatewayUrl() + "/api/federation/aggregates"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"metric":"OPEN_CASES","categories":["EMPLOYMENT","HOUSING"],"agencies":["employment","housing"]}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String login(LocalFederation federation, DemoScenario scenario, String user) {
        String password = scenario.users().stream().filter(u -> u.username().equals(user)).findFirst().orElseThrow().password();
        return new ServiceClient(federation.gatewayUrl()).login(user, password);
    }

    private static JsonNode knownTo(LocalFederation federation, DemoScenario scenario, String user, String subject) throws Exception {
        String token = login(federation, scenario, user);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(federation.gatewayUrl() + "/api/federation/subjects/known-to"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":" + subject + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode view(LocalFederation federation, DemoScenario scenario, String user) throws Exception {
        JsonNode walkthrough = scenario.walkthrough();
        String password = scenario.users().stream().filter(u -> u.username().equals(user)).findFirst().orElseThrow().password();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(federation.gatewayUrl() + "/api/identity/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("username", user).put("password", password).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String token = JSON.readTree(login.body()).get("access_token").asString();
        String body = JSON.createObjectNode().put("purpose", walkthrough.get("purpose").asString())
                .set("subject", walkthrough.get("subject")).toString();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(federation.gatewayUrl() + "/api/federation/subjects/view"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode agency(JsonNode view, String agency) {
        return view.get("agencies").valueStream().filter(a -> a.get("agency").asString().equals(agency))
                .findFirst().orElseThrow();
    }

    private static String status(JsonNode view, String agency) {
        return agency(view, agency).get("status").asString();
    }

    private static List<String> released(JsonNode view, String agency) {
        return agency(view, agency).get("released").valueStream().map(JsonNode::asString).toList();
    }
}
