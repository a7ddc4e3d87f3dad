package org.goldenthread.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/identity/login} through the production gateway: a per-source limit in front of
 * identity-service, and 503 problem+json when identity-service is down.
 */
class SignInRouteTest {

    static final String BODY = "{\"username\":\"kw1\",\"password\":\"a long river bends twice\"}";

    @Nested
    class WithIdentityRunning {

        static FakeIdentity identity;
        static FakeConsent consent;
        static ConfigurableApplicationContext gateway;
        static WebTestClient http;

        @BeforeAll
        static void boot() throws Exception {
            identity = new FakeIdentity();
            consent = new FakeConsent();
            gateway = TestGateway.run(identity, consent,
                    "--resilience4j.ratelimiter.configs.sign-in-source.limit-for-period=5",
                    "--resilience4j.ratelimiter.configs.sign-in-source.limit-refresh-period=1h");
            http = StandIns.client(gateway);
        }

        @AfterAll
        static void stop() {
            StandIns.closeAll(gateway, consent, identity);
        }

        @Test
        void passesSignInsOnWithTheClientAddressUntilTheSourceIsOverItsLimitThenAnswers429WithoutAskingIdentity() {
            int before = identity.logins();
            for (int i = 0; i < 5; i++) {
                http.post().uri("/api/identity/login").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Forwarded-For", "203.0.113." + i).header("Forwarded", "for=203.0.113.9")
                        .cookie("GT_SESSION", "a-browser-session").cookie("other", "x")
                        .bodyValue(BODY).exchange().expectStatus().isOk();
            }
            assertThat(identity.logins()).isEqualTo(before + 5);
            assertThat(identity.lastCookie()).as("no route forwards cookies").isEqualTo("null");
            // identity-service counts failures per client: the gateway says who the client was, and
            // what the client claims is replaced, not passed on.
            assertThat(identity.lastForwardedFor()).isEqualTo("127.0.0.1");
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            for (String path : new String[] {"/api/identity/login", "/api/identity/%6Cogin", "/api/identity//LOGIN/"}) {
                // An absolute URI, so the client sends the path exactly as written (no re-encoding of %).
                EntityExchangeResult<String> refused = http.post().uri(URI.create("http://127.0.0.1:" + port + path))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(BODY).exchange().expectStatus().isEqualTo(429)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().valueEquals("Retry-After", "3600")
                        .expectBody(String.class).returnResult();
                assertThat(refused.getResponseBody()).as(path).contains("\"code\":\"rate-limited\"").contains("sign-in");
            }
            assertThat(identity.logins()).isEqualTo(before + 5);
        }
    }

    @Nested
    class WithIdentityStopped {

        @Test
        void answers503SignInUnavailableNotA500() throws Exception {
            FakeIdentity identity = new FakeIdentity();
            FakeConsent consent = new FakeConsent();
            ConfigurableApplicationContext gateway = TestGateway.run(identity, consent);
            try {
                WebTestClient http = StandIns.client(gateway);
                String token = identity.token("kw1", "council", java.util.List.of("KEY_WORKER"));
                // Accepted once while identity is up, so the gateway remembers it (access-token-cache).
                http.get().uri("/api/me").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
                identity.close();
                consent.close();
                EntityExchangeResult<String> answer = login(http, "/api/identity/login").expectStatus().isEqualTo(503)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody(String.class).returnResult();
                assertThat(answer.getResponseBody())
                        .contains("\"code\":\"sign-in-unavailable\"")
                        .contains("the sign-in service is unavailable; try again shortly")
                        .doesNotContain("Exception").doesNotContain("127.0.0.1");
                // Any other proxied service that is down: 503 too, in general words.
                http.get().uri("/api/consents/anything").header("Authorization", "Bearer " + token).exchange()
                        .expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
            } finally {
                StandIns.closeAll(gateway, consent);
            }
        }
    }

    static WebTestClient.ResponseSpec login(WebTestClient http, String path) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(BODY).exchange();
    }
}
