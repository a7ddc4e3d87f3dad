package org.goldenthread.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.goldenthread.consent.registry.AgencyProfiles;
import org.goldenthread.gateway.registry.AgencyDirectory;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.launcher.bench.SilentNode;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.federation.NodeGrpcServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the federated view behaves when parts of the federation fail, with real nodes on
 * loopback: a node that never answers, a node that sends more than its grant, a node that is
 * stopped, and consent-service going down. The tests run in order because the later ones stop
 * services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationFailuresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration DEADLINE = Duration.ofMillis(1500);
    private static final String TOM = """
            {"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14"}""";

    @TempDir
    static Path data;
    static LocalFederation federation;
    static SilentNode silent;
    static StrayNodes.Rogue rogue;
    static String keyWorker;

    @BeforeAll
    static void start() throws Exception {
        List<AgencySpec> agencies = List.of(
                new AgencySpec("police", "Police", List.of("CRIME")),
                new AgencySpec("housing", "Housing", List.of("ASB")));
        federation = LocalFederation.start(new FederationPlan(data, 0, agencies, false,
                List.of("--goldenthread.gateway.node-deadline=" + DEADLINE.toMillis() + "ms")), (s, u, ms) -> { });
        silent = new SilentNode();
        rogue = new StrayNodes.Rogue("rogue", federation.pki());
        AgencyRegistry registry = federation.identity().getBean(AgencyRegistry.class);
        registry.register(new Agency("silent", "Silent", silent.target(), null, null, List.of("CRIME"), AgencyStatus.ACTIVE));
        registry.register(new Agency("rogue", "Rogue", rogue.target(), null, federation.pki().node("rogue").fingerprint(),
                List.of("CRIME"), AgencyStatus.ACTIVE));
        federation.gateway().getBean(AgencyDirectory.class).refresh();
        // consent-service too reads the registry on a timer: until it has, unknown agencies release nothing special.
        federation.consent().getBean(AgencyProfiles.class).refresh();

        UserDirectory users = federation.identity().getBean(UserDirectory.class);
        users.ensureUser("kw", "Sam Patel", "council", Set.of(Role.KEY_WORKER), PASSWORD);
        users.ensureUser("police.worker", "Worker", "police", Set.of(Role.KEY_WORKER), PASSWORD);
        users.ensureUser("housing.worker", "Worker", "housing", Set.of(Role.KEY_WORKER), PASSWORD);
        ServiceClient services = new ServiceClient(federation.gatewayUrl());
        seed(services, "police", "CRIME");
        seed(services, "housing", "ASB");
        keyWorker = services.login("kw", PASSWORD);
        services.postUnlessDuplicate(federation.gatewayUrl() + "/api/consents", keyWorker, """
                {"subject":%s,"period":{"start":"2026-01-01T00:00:00Z","consentedOn":"2026-01-01","backdatingReason":"Signed on paper in January; entered from the case file"},
                 "evidence":{"kind":"SIGNED_FORM","reference":"FAIL-1","privacyNoticeVersion":"v3"},
                 "provisions":[{"type":"PERMIT","sources":["police","housing","silent","rogue"],"recipients":["council"],"purposes":["CASE_MANAGEMENT"],
                                "categories":["CRIME","ASB"]}]}""".formatted(TOM));
        view(); // warm-up: the first calls also open channels (TLS handshakes) and fetch key sets
        view();
        resetBreakers();
    }

    /** Forget failures that a loaded machine caused in earlier steps, so each test starts from closed breakers. */
    static void resetBreakers() {
        federation.gateway().getBean(io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.class)
                .getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    }

    private static void seed(ServiceClient services, String agency, String category) {
        String token = services.login(agency + ".worker", PASSWORD);
        String node = federation.gatewayUrl() + "/api/agencies/" + agency;
        services.put(node + "/subjects/S-1", token, TOM);
        services.put(node + "/cases/C-1", token, """
                {"subjectRef":"S-1","caseType":"demo","category":"%s","status":"OPEN","openedAt":"2026-06-01T09:00:00Z",
                 "leadWorker":"Worker","team":"Team","contact":"01632 960000","rag":"AMBER","needs":[]}""".formatted(category));
    }

    @AfterAll
    static void stop() throws Exception {
        if (federation != null) {
            federation.close();
        }
        if (silent != null) {
            silent.close();
        }
        if (rogue != null) {
            rogue.close();
        }
    }

    static HttpResponse<String> view() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(federation.gatewayUrl() + "/api/federation/subjects/view"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + keyWorker)
                .POST(HttpRequest.BodyPublishers.ofString("{\"purpose\":\"CASE_MANAGEMENT\",\"subject\":" + TOM + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode agency(JsonNode view, String id) {
        return view.get("agencies").valueStream().filter(a -> a.get("agency").asString().equals(id)).findFirst().orElseThrow();
    }

    static long audited(String agency) {
        return federation.node(agency).getBean(AuditLog.class).count();
    }

    @Test
    @Order(1)
    void withholdsWhatAMisbehavingNodeSendsOutsideItsGrant() throws Exception {
        JsonNode view = JSON.readTree(view().body());
        JsonNode fromRogue = agency(view, "rogue");
        assertThat(fromRogue.get("status").asString()).isEqualTo("OK");
        assertThat(fromRogue.get("withheld").asInt()).isEqualTo(2);
        assertThat(fromRogue.get("reason").asString()).contains("outside its grant");
        List<String> summaries = view.get("timeline").valueStream().map(e -> e.get("summary").asString()).toList();
        assertThat(summaries).contains("Stolen bicycle reported.").doesNotContain("Psychiatric history.", "Forged police record.");
    }

    @Test
    @Order(2)
    void aNodeThatNeverAnswersCostsItsDeadlineAndNoMore() throws Exception {
        HttpResponse<String> answer = view();
        JsonNode view = JSON.readTree(answer.body());
        JsonNode fromSilent = agency(view, "silent");
        assertThat(fromSilent.get("status").asString()).isEqualTo("TIMEOUT");
        assertThat(fromSilent.get("latencyMs").asLong())
                .isGreaterThanOrEqualTo(DEADLINE.toMillis() - 50)
                // generous margin for a loaded 2-core machine: the point is "about the deadline", not "forever"
                .isLessThan(DEADLINE.toMillis() + 2_000);
        assertThat(agency(view, "police").get("status").asString()).isEqualTo("OK");
        assertThat(agency(view, "housing").get("status").asString()).isEqualTo("OK");
    }

    @Test
    @Order(3)
    void opensTheSilentNodesBreakerAfterRepeatedTimeoutsAndStopsWaitingForIt() throws Exception {
        String status = "";
        // minimum-number-of-calls of the node breaker is 5; the warm-up and test 2 already timed out.
        for (int attempt = 0; attempt < 12 && !status.equals("CIRCUIT_OPEN"); attempt++) {
            status = agency(JSON.readTree(view().body()), "silent").get("status").asString();
        }
        assertThat(status).isEqualTo("CIRCUIT_OPEN");
        JsonNode view = JSON.readTree(view().body());
        JsonNode fromSilent = agency(view, "silent");
        assertThat(fromSilent.get("status").asString()).isEqualTo("CIRCUIT_OPEN");
        assertThat(fromSilent.get("latencyMs").asLong()).isLessThan(DEADLINE.toMillis());
        assertThat(agency(view, "police").get("status").asString()).isEqualTo("OK");
    }

    @Test
    @Order(4)
    void refusesANodeWhoseCertificateIsNotTheOnePinnedInTheRegistry() throws Exception {
        resetBreakers();
        AgencyRegistry registry = federation.identity().getBean(AgencyRegistry.class);
        String wrongPin = "00".repeat(32);
        registry.register(new Agency("rogue", "Rogue", rogue.target(), null, wrongPin, List.of("CRIME"), AgencyStatus.ACTIVE));
        federation.gateway().getBean(AgencyDirectory.class).refresh();
        JsonNode view = JSON.readTree(view().body());
        assertThat(agency(view, "rogue").get("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(view.get("timeline").valueStream().map(e -> e.get("summary").asString()))
                .doesNotContain("Stolen bicycle reported.");
    }

    @Test
    @Order(5)
    void dropsASuspendedAgencyFromFanOutAtTheNextRegistryRefresh() throws Exception {
        AgencyRegistry registry = federation.identity().getBean(AgencyRegistry.class);
        Agency rogueAgency = registry.find("rogue").orElseThrow();
        registry.register(new Agency("rogue", "Rogue", rogueAgency.grpcTarget(), null, null, List.of("CRIME"),
                AgencyStatus.SUSPENDED));
        federation.gateway().getBean(AgencyDirectory.class).refresh();
        JsonNode view = JSON.readTree(view().body());
        assertThat(view.get("agencies").valueStream().map(a -> a.get("agency").asString())).doesNotContain("rogue");
        assertThat(view.get("timeline").valueStream().map(e -> e.get("summary").asString()))
                .doesNotContain("Stolen bicycle reported.");
        assertThat(agency(view, "police").get("status").asString()).isEqualTo("OK");
    }

    @Test
    @Order(6)
    void reportsAStoppedNodeAsUnavailableWhileTheOthersAnswer() throws Exception {
        // Stop the node's gRPC server (closing its whole context in this shared JVM would also
        // dispose the JVM-wide Reactor Netty resources the gateway runs on).
        federation.node("housing").getBean(NodeGrpcServer.class).stop();
        resetBreakers();
        JsonNode view = JSON.readTree(view().body());
        assertThat(agency(view, "housing").get("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(agency(view, "police").get("status").asString()).isEqualTo("OK");
        assertThat(view.get("cases").valueStream().map(c -> c.get("provenance").get("agency").asString()))
                .contains("police").doesNotContain("housing");
    }

    @Test
    @Order(7)
    void failsClosedWhenConsentServiceIsDownAndCallsNoNode() throws Exception {
        long policeBefore = audited("police");
        ((WebServerApplicationContext) federation.consent()).getWebServer().stop();
        HttpResponse<String> answer = view();
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("consent-unavailable");
        assertThat(audited("police")).isEqualTo(policeBefore);
    }
}
