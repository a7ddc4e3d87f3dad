package org.goldenthread.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's edge, booted with its production wiring against loopback stand-ins for
 * identity-service and consent-service: authentication, validation, and failing closed.
 */
class GatewayEdgeTest {

    static FakeIdentity identity;
    static CountingNode node;
    static ConfigurableApplicationContext gateway;
    static WebTestClient http;
    static String keyWorker;

    @BeforeAll
    static void boot() throws Exception {
        identity = new FakeIdentity();
        node = new CountingNode();
        identity.registry("""
                [{"id":"police","name":"Police","grpcTarget":"%s","restUrl":null,"certificateFingerprint":null,
                  "categories":["CRIME"],"status":"ACTIVE"}]""".formatted(node.target()));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = GatewayApplication.application().run(
                "--server.port=0",
                "--goldenthread.identity.url=" + identity.url(),
                "--goldenthread.consent.url=http://127.0.0.1:" + closedPort,
                "--goldenthread.outcomes.url=http://127.0.0.1:" + closedPort,
                "--goldenthread.linkage.key-id=test",
                "--resilience4j.ratelimiter.configs.federation-user.limit-for-period=20",
                "--goldenthread.linkage.key=" + Base64.getEncoder().encodeToString(new byte[32]));
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        keyWorker = identity.token("kw1", "council", List.of("KEY_WORKER"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        node.close();
        identity.close();
    }

    static WebTestClient.ResponseSpec view(String token, String body) {
        var request = http.post().uri("/api/federation/subjects/view").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(body).exchange();
    }

    static final String VALID = """
            {"purpose":"CASE_MANAGEMENT","subject":{"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom",
             "dateOfBirth":"2007-03-14"}}""";

    @Nested
    class WithoutAValidToken {

        @Test
        void refusesAMissingTokenWithProblemJson() {
            view(null, VALID).expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        }

        @Test
        void refusesATamperedToken() {
            String tampered = keyWorker.substring(0, keyWorker.length() - 4) + "AAAA";
            view(tampered, VALID).expectStatus().isUnauthorized();
        }
    }

    @Nested
    class WithBadInput {

        @Test
        void namesAnUnknownPurpose() {
            view(keyWorker, VALID.replace("CASE_MANAGEMENT", "CURIOSITY")).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("unknown-purpose");
        }

        @Test
        void namesAnNhsNumberWithABadCheckDigit() {
            view(keyWorker, VALID.replace("9434765919", "9434765918")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("invalid-identifier")
                    .jsonPath("$.errors[0].field").isEqualTo("subject.nhsNumber");
        }

        @Test
        void namesAnImpossibleDate() {
            view(keyWorker, VALID.replace("2007-03-14", "2007-02-30")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("malformed-body");
        }

        @Test
        void refusesASubjectWithoutIdentifyingFields() {
            view(keyWorker, """
                    {"purpose":"CASE_MANAGEMENT","subject":{"familyName":"Hale"}}""").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("subject");
        }

        @Test
        void treatsAnOperatorObjectAsMalformed() {
            view(keyWorker, """
                    {"purpose":"CASE_MANAGEMENT","subject":{"familyName":{"$gt":""}}}""").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("malformed-body");
        }
    }

    @Nested
    class Limits {

        @Test
        void refusesAnOversizedBody() {
            String huge = VALID.replace("\"Hale\"", "\"" + "x".repeat(70_000) + "\"");
            view(keyWorker, huge).expectStatus().isEqualTo(413)
                    .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
        }

        @Test
        void limitsFederationRequestsPerUserWithRetryAfter() throws Exception {
            String trawler = identity.token("trawler", "council", List.of("KEY_WORKER"));
            for (int i = 0; i < 20; i++) {
                view(trawler, VALID).expectStatus().isEqualTo(503);
            }
            view(trawler, VALID).expectStatus().isEqualTo(429)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
            // Another user is not affected.
            view(identity.token("someone-else", "council", List.of("KEY_WORKER")), VALID).expectStatus().isEqualTo(503);
        }

        @Test
        void countsAnEncodedFederationPathAgainstTheSameLimit() throws Exception {
            String trawler = identity.token("encoded-trawler", "council", List.of("KEY_WORKER"));
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            java.net.URI encoded = java.net.URI.create("http://127.0.0.1:" + port + "/%61pi/federation/subjects/view");
            for (int i = 0; i < 20; i++) {
                view(trawler, VALID).expectStatus().isEqualTo(503);
            }
            http.post().uri(encoded).contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + trawler)
                    .bodyValue(VALID).exchange().expectStatus().isEqualTo(429)
                    .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        }
    }

    @Nested
    class ApiDescription {

        @Test
        void publishesTheFederationApiAsOpenApi() {
            http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.openapi").exists()
                    .jsonPath("$.paths['/api/federation/subjects/view'].post").exists()
                    .jsonPath("$.paths['/api/federation/subjects/known-to'].post").exists();
        }
    }

    @Nested
    class Metrics {

        @Test
        void exposesBreakerStatesAndDecisionMetricsForPrometheus() {
            view(keyWorker, VALID).expectStatus().isEqualTo(503);
            http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).value(body -> assertThat(body)
                            .contains("resilience4j_circuitbreaker_state{", "name=\"consent\""));
        }
    }

    @Nested
    class WhenConsentServiceCannotAnswer {

        @Test
        void failsClosedWithoutContactingAnyNode() {
            view(keyWorker, VALID).expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("consent-unavailable");
            assertThat(node.calls).hasValue(0);
        }
    }
}
