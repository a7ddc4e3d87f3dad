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
        try (LocalFederation first = start(scenario)) {
            DemoScenario.SeedReport seeded = scenario.seed(first);
            assertThat(seeded.newConsents()).isEqualTo(1);
            assertThat(seeded.newAgreements()).isEqualTo(9);
            subjectsAtPolice = subjects(first, "police");
            assertThat(subjectsAtPolice).isGreaterThan(0);
            assertWalkthroughWorks(first, scenario);
        }
        try (LocalFederation second = start(scenario)) {
            DemoScenario.SeedReport again = scenario.seed(second);
            assertThat(again.newConsents()).isZero();
            assertThat(again.newAgreements()).isZero();
            assertThat(subjects(second, "police")).isEqualTo(subjectsAtPolice);
            assertWalkthroughWorks(second, scenario);
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

        // The consent's nested provision: mental-health detail never goes to the police.
        JsonNode police = view(federation, scenario, "police.officer");
        assertThat(status(police, "mentalhealth")).isEqualTo("OK");
        assertThat(released(police, "mentalhealth")).contains("SUBSTANCE_MISUSE").doesNotContain("HEALTH_MENTAL");
        assertThat(police.toString()).doesNotContain("low mood");

        // The partnership ISA: known-to flags for coordination, even without consent (the Davis family).
        JsonNode knownTo = knownTo(federation, scenario, "council.keyworker",
                "{\"familyName\":\"Davis\",\"givenName\":\"Malcolm\",\"dateOfBirth\":\"1979-11-23\"}");
        assertThat(status(knownTo, "police")).isEqualTo("OK");
        assertThat(agency(knownTo, "police").get("involvement").get("leadWorker").asString()).isEqualTo("PS Jordan Lee");
        assertThat(status(knownTo, "housing")).isEqualTo("OK");
        assertThat(status(knownTo, "mentalhealth")).isEqualTo("NO_RECORD");
        assertThat(knownTo.toString()).doesNotContain("assaulted", "DASH");
    }

    private static JsonNode knownTo(LocalFederation federation, DemoScenario scenario, String user, String subject) throws Exception {
        String password = scenario.users().stream().filter(u -> u.username().equals(user)).findFirst().orElseThrow().password();
        String token = new ServiceClient(federation.gatewayUrl()).login(user, password);
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
