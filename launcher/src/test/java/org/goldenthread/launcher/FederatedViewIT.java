package org.goldenthread.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.node.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end, in one JVM on loopback: identity, consent, the gateway and
 * three agency nodes, each booted with its production wiring and its own embedded store. A
 * consent covers two agencies; the federated view must come from those two only, and the third
 * node must not have been called at all — as its own audit log shows.
 */
class FederatedViewIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOM = """
            {"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14","postcode":"NS1 4AB"}""";

    @TempDir
    static Path data;
    static LocalFederation federation;
    static ServiceClient services;
    static String keyWorker;
    static String teamManager;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFederation() {
        List<AgencySpec> agencies = List.of(
                new AgencySpec("police", "Police", List.of("INVOLVEMENT", "CRIME")),
                new AgencySpec("housing", "Housing", List.of("INVOLVEMENT", "ASB")),
                new AgencySpec("mentalhealth", "Mental health", List.of("INVOLVEMENT", "HEALTH_MENTAL")));
        // A generous node deadline: these tests are about who is asked and what comes back, not timeouts.
        federation = LocalFederation.start(new FederationPlan(data, 0, agencies, false,
                List.of("--goldenthread.gateway.node-deadline=3s")), (s, u, ms) -> { });
        UserDirectory users = federation.identity().getBean(UserDirectory.class);
        users.ensureUser("kw", "Sam Patel", "council", Set.of(Role.KEY_WORKER), PASSWORD);
        for (AgencySpec agency : agencies) {
            users.ensureUser(agency.id() + ".worker", "Worker", agency.id(), Set.of(Role.KEY_WORKER), PASSWORD);
        }
        services = new ServiceClient(federation.gatewayUrl());
        seed("police", "CRIME", "Called to a disturbance at the family home.");
        seed("housing", "ASB", "Neighbour complaint about noise logged.");
        seed("mentalhealth", "HEALTH_MENTAL", "Initial assessment: low mood and anxiety.");
        keyWorker = services.login("kw", PASSWORD);
        users.ensureUser("tm", "Alex Morgan", "council", Set.of(Role.TEAM_MANAGER), PASSWORD);
        teamManager = services.login("tm", PASSWORD);
        // Counts: police has six AMBER cases (released as 5), mental health one (left out, key and all), and each
        // gives council counts over one category for outcome evidence; housing gives none.
        seedCases("police", "CRIME", 5);
        outcomesAgreement("police", "CRIME");
        outcomesAgreement("mentalhealth", "HEALTH_MENTAL");
        services.postUnlessDuplicate(federation.gatewayUrl() + "/api/consents", keyWorker, """
                {"subject":%s,
                 "period":{"start":"2026-01-01T00:00:00Z","consentedOn":"2026-01-01","backdatingReason":"Signed on paper in January; entered from the case file"},
                 "evidence":{"kind":"SIGNED_FORM","reference":"E2E-1","privacyNoticeVersion":"v3"},
                 "provisions":[{"type":"PERMIT","sources":["police","housing"],"recipients":["council"],
                                "purposes":["CASE_MANAGEMENT"],"categories":["INVOLVEMENT","CRIME","ASB"]}]}""".formatted(TOM));
        services.postUnlessDuplicate(federation.gatewayUrl() + "/api/consents", keyWorker, """
                {"subject":%s,
                 "period":{"start":"2026-01-01T00:00:00Z","consentedOn":"2026-01-01","backdatingReason":"Signed on paper in January; entered from the case file"},
                 "evidence":{"kind":"SIGNED_FORM","reference":"E2E-2","privacyNoticeVersion":"v3"},
                 "provisions":[{"type":"PERMIT","sources":["police","mentalhealth"],"recipients":["council"],
                                "purposes":["COORDINATION"],"categories":["INVOLVEMENT"]}]}""".formatted(TOM));
    }

    private static void seed(String agency, String category, String summary) {
        String token = services.login(agency + ".worker", PASSWORD);
        String node = federation.gatewayUrl() + "/api/agencies/" + agency;
        services.put(node + "/subjects/S-1", token, TOM);
        services.put(node + "/cases/C-1", token, """
                {"subjectRef":"S-1","caseType":"demo","category":"%s","status":"OPEN","openedAt":"2026-06-01T09:00:00Z",
                 "leadWorker":"Worker","team":"Team","contact":"01632 960000","rag":"AMBER","needs":["HEALTH"]}"""
                .formatted(category));
        services.put(node + "/cases/C-1/events/E-1", token, """
                {"kind":"NOTE","category":"%s","occurredAt":"2026-06-02T09:00:00Z","summary":"%s"}"""
                .formatted(category, summary));
    }

    /** {@code n} more open AMBER cases at {@code agency}, about someone other than Tom. */
    private static void seedCases(String agency, String category, int n) {
        String token = services.login(agency + ".worker", PASSWORD);
        String node = federation.gatewayUrl() + "/api/agencies/" + agency;
        services.put(node + "/subjects/S-2", token, """
                {"familyName":"Other","givenName":"Ann","dateOfBirth":"1990-01-01","postcode":"NS2 1AA"}""");
        for (int i = 2; i < 2 + n; i++) {
            services.put(node + "/cases/C-" + i, token, """
                    {"subjectRef":"S-2","caseType":"demo","category":"%s","status":"OPEN","openedAt":"2026-06-01T09:00:00Z",
                     "leadWorker":"Worker","team":"Team","contact":"01632 960000","rag":"AMBER","needs":["HEALTH"]}"""
                    .formatted(category));
        }
    }

    private static void outcomesAgreement(String agency, String category) {
        federation.identity().getBean(UserDirectory.class).ensureUser(agency + ".admin", "Admin", agency,
                Set.of(Role.AGENCY_ADMIN), PASSWORD);
        services.postUnlessDuplicate(federation.gatewayUrl() + "/api/consents/isas", services.login(agency + ".admin", PASSWORD), """
                {"title":"Outcomes ISA","recipients":["council"],"purposes":["OUTCOME_EVIDENCE"],"categories":["%s"],
                 "period":{"start":"2026-01-01T00:00:00Z"},"signOff":{"by":"DPO","role":"DPO","at":"2025-12-15T00:00:00Z"}}"""
                .formatted(category));
    }

    @AfterAll
    static void stopFederation() {
        if (federation != null) {
            federation.close();
        }
    }

    static HttpResponse<String> view(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(federation.gatewayUrl() + "/api/federation/subjects/view"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long audited(String agency) {
        return federation.node(agency).getBean(AuditLog.class).count();
    }

    @Nested
    class WithConsentCoveringTwoAgencies {

        @Test
        void returnsDataFromThePermittedAgenciesOnlyAndNeverCallsTheThird() throws Exception {
            long mentalHealthBefore = audited("mentalhealth");
            long policeBefore = audited("police");

            HttpResponse<String> answer = view(keyWorker, """
                    {"purpose":"CASE_MANAGEMENT","subject":%s}""".formatted(TOM));

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode view = JSON.readTree(answer.body());
            assertThat(status(view, "police")).isEqualTo("OK");
            assertThat(status(view, "housing")).isEqualTo("OK");
            assertThat(status(view, "mentalhealth")).isEqualTo("NOT_PERMITTED");
            assertThat(agency(view, "mentalhealth").get("reason").asString()).contains("mentalhealth");
            List<String> sources = view.get("timeline").valueStream().map(e -> e.get("provenance").get("agency").asString()).toList();
            assertThat(sources).containsExactlyInAnyOrder("police", "housing");
            assertThat(answer.body()).doesNotContain("low mood");
            // From the nodes' own side: police released (and audited); mental health was never called.
            assertThat(audited("police")).isGreaterThan(policeBefore);
            assertThat(audited("mentalhealth")).isEqualTo(mentalHealthBefore);
        }

        @Test
        void asksNoNodeForAPurposeTheConsentDoesNotCover() throws Exception {
            long policeBefore = audited("police");
            HttpResponse<String> answer = view(keyWorker, """
                    {"purpose":"EMPLOYMENT_SUPPORT","subject":%s}""".formatted(TOM));
            JsonNode view = JSON.readTree(answer.body());
            assertThat(answer.statusCode()).isEqualTo(200);
            view.get("agencies").forEach(a -> assertThat(a.get("status").asString()).isEqualTo("NOT_PERMITTED"));
            assertThat(view.get("timeline")).isEmpty();
            assertThat(audited("police")).isEqualTo(policeBefore);
        }
    }

    @Nested
    class MutualTlsToNodes {

        private io.grpc.StatusRuntimeException callPoliceNodeAs(io.grpc.netty.shaded.io.netty.handler.ssl.SslContext tls) {
            int port = federation.node("police").getBean(org.goldenthread.node.federation.NodeGrpcServer.class).port();
            io.grpc.ManagedChannel channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
                    .forAddress("127.0.0.1", port).sslContext(tls).build();
            try {
                org.goldenthread.proto.node.v1.CaseNodeGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
                        .matchSubject(org.goldenthread.proto.node.v1.MatchSubjectRequest.getDefaultInstance());
                throw new AssertionError("the node answered a caller that is not the gateway");
            } catch (io.grpc.StatusRuntimeException refused) {
                return refused;
            } finally {
                channel.shutdownNow();
            }
        }

        @Test
        void refuseACallerWithoutAClientCertificate() throws Exception {
            var anonymous = io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts.forClient()
                    .trustManager(federation.pki().caCertificate().toFile()).build();
            assertThat(callPoliceNodeAs(anonymous).getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
        }

        @Test
        void refuseAnotherNodesServerCertificateUsedAsAClient() throws Exception {
            var housing = federation.pki().node("housing");
            var impostor = io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts.forClient()
                    .keyManager(housing.certificate().toFile(), housing.privateKey().toFile())
                    .trustManager(federation.pki().caCertificate().toFile()).build();
            assertThat(callPoliceNodeAs(impostor).getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
        }

        @Test
        void refuseAFederationClientCertificateThatIsNotTheGateways() throws Exception {
            var intruder = federation.pki().client("intruder");
            var tls = io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts.forClient()
                    .keyManager(intruder.certificate().toFile(), intruder.privateKey().toFile())
                    .trustManager(federation.pki().caCertificate().toFile()).build();
            assertThat(callPoliceNodeAs(tls).getStatus().getCode()).isEqualTo(io.grpc.Status.Code.PERMISSION_DENIED);
        }
    }

    @Nested
    class KnownToSearch {

        @Test
        void namesTheAgenciesWorkingWithThePersonAndNothingMore() throws Exception {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(federation.gatewayUrl() + "/api/federation/subjects/known-to"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + keyWorker)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":" + TOM + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode knownTo = JSON.readTree(answer.body());
            assertThat(status(knownTo, "police")).isEqualTo("OK");
            assertThat(agency(knownTo, "police").get("involvement").get("leadWorker").asString()).isEqualTo("Worker");
            assertThat(agency(knownTo, "police").get("involvement").get("openCase").asBoolean()).isTrue();
            assertThat(status(knownTo, "mentalhealth")).isEqualTo("OK");
            assertThat(status(knownTo, "housing")).isEqualTo("NOT_PERMITTED");
            assertThat(answer.body()).doesNotContain("disturbance", "low mood", "Hale");
        }
    }

    @Nested
    class WithBadInput {

        @Test
        void refusesAMissingTokenAs401ProblemJson() throws Exception {
            HttpResponse<String> answer = view(null, """
                    {"purpose":"CASE_MANAGEMENT","subject":%s}""".formatted(TOM));
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }

        @Test
        void refusesAnUnknownPurposeAs400ProblemJson() throws Exception {
            HttpResponse<String> answer = view(keyWorker, """
                    {"purpose":"NOSINESS","subject":%s}""".formatted(TOM));
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("unknown-purpose");
        }

        @Test
        void refusesAMalformedNhsNumberAs400ProblemJson() throws Exception {
            HttpResponse<String> answer = view(keyWorker, """
                    {"purpose":"CASE_MANAGEMENT","subject":%s}""".formatted(TOM.replace("9434765919", "9434765918")));
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"field\":\"subject.nhsNumber\"").doesNotContain("Exception");
        }
    }

    @Nested
    class ThroughTheOwnAgencyRoute {

        @Test
        void letsStaffReachTheirOwnNode() throws Exception {
            String police = services.login("police.worker", PASSWORD);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(federation.gatewayUrl() + "/api/agencies/police/subjects/S-1"))
                    .header("Authorization", "Bearer " + police).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Hale");
        }

        @Test
        void refusesAnotherAgencysNode() throws Exception {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create(federation.gatewayUrl() + "/api/agencies/police/subjects/S-1"))
                    .header("Authorization", "Bearer " + keyWorker).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("wrong-agency");
            assertThat(answer.body()).doesNotContain("Hale");
        }
    }

    @Nested
    class AggregateCounts {

        static HttpResponse<String> count(String token, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(federation.gatewayUrl() + "/api/federation/aggregates"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void countsWhatEachAgreementGivesLeavesOutSmallGroupsRoundsAndAsksNoOtherNode() throws Exception {
            long housingBefore = audited("housing");

            HttpResponse<String> answer = count(teamManager, """
                    {"metric":"CASES_BY_RAG","categories":["CRIME","HEALTH_MENTAL","ASB"]}""");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode counts = JSON.readTree(answer.body());
            assertThat(counts.get("metric").asString()).isEqualTo("CASES_BY_RAG");
            assertThat(status(counts, "police")).isEqualTo("OK");
            assertThat(agency(counts, "police").get("categories").valueStream().map(JsonNode::asString)).containsExactly("CRIME");
            JsonNode policeAmber = agency(counts, "police").get("buckets").get(0);
            assertThat(policeAmber.get("key").asString()).isEqualTo("AMBER");
            // Six cases, released rounded to the nearest five.
            assertThat(policeAmber.get("count").asLong()).isEqualTo(5);
            // One case: left out with its key, exactly as if there were none.
            assertThat(status(counts, "mentalhealth")).isEqualTo("OK");
            assertThat(agency(counts, "mentalhealth").get("buckets").isEmpty()).isTrue();
            // The total is the sum of what was released: never 6 + 1.
            assertThat(counts.get("totals").get(0).get("key").asString()).isEqualTo("AMBER");
            assertThat(counts.get("totals").get(0).get("count").asLong()).isEqualTo(5);
            assertThat(answer.body()).doesNotContain("\"count\":7", "\"count\":6", "suppressed");
            assertThat(status(counts, "housing")).isEqualTo("NOT_PERMITTED");
            assertThat(audited("housing")).isEqualTo(housingBefore);
            assertThat(answer.body()).doesNotContain("Hale", "Other", "disturbance");
        }

        @Test
        void aKeyWorkerMayNotCount() throws Exception {
            HttpResponse<String> answer = count(keyWorker, """
                    {"metric":"CASES_BY_RAG","categories":["CRIME"]}""");

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }

        @Test
        void refusesAnUnknownMetricAs400ProblemJson() throws Exception {
            HttpResponse<String> answer = count(teamManager, """
                    {"metric":"EVERYTHING","categories":["CRIME"]}""");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"field\":\"metric\"").doesNotContain("Exception");
        }

        @Test
        void refusesADateNoTimestampCanHoldAs400NamingTheField() throws Exception {
            HttpResponse<String> answer = count(teamManager, """
                    {"metric":"OPEN_CASES","categories":["CRIME"],"openedFrom":"+12000-01-01T00:00:00Z"}""");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("openedFrom").doesNotContain("Exception");
        }
    }

    private static JsonNode agency(JsonNode view, String id) {
        return view.get("agencies").valueStream().filter(a -> a.get("agency").asString().equals(id)).findFirst().orElseThrow();
    }

    private static String status(JsonNode view, String id) {
        return agency(view, id).get("status").asString();
    }
}
