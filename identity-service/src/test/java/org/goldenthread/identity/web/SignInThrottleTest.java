package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in waits, over HTTP with the production wiring. Loopback is a trusted proxy here, so each
 * test plays its own client address through {@code X-Forwarded-For}, as the gateway passes it.
 */
class SignInThrottleTest {

    static final String PASSWORD = "a long river bends twice";

    @TempDir
    static Path data;
    static RunningIdentity identity;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data,
                "--goldenthread.identity.sign-in.trusted-proxies=127.0.0.1",
                "--goldenthread.identity.sign-in.source-free-failures=5",
                "--goldenthread.identity.sign-in.first-delay=2s",
                "--goldenthread.identity.sign-in.max-delay=4s");
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static void user(String username) {
        identity.bean(UserDirectory.class).ensureUser(username, "Test " + username, "police", Set.of(Role.KEY_WORKER),
                PASSWORD);
    }

    static ResponseEntity<String> login(String username, String password, String forwardedFor) {
        return identity.http().post().uri("/api/identity/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", forwardedFor)
                .body(RunningIdentity.JSON.writeValueAsString(Map.of("username", username, "password", password)))
                .retrieve().toEntity(String.class);
    }

    static JsonNode json(ResponseEntity<String> answer) {
        return RunningIdentity.JSON.readTree(answer.getBody());
    }

    static void assertThrottled(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json(answer).get("code").asString()).isEqualTo("login-throttled");
        long retryAfter = json(answer).get("retryAfter").asLong();
        assertThat(retryAfter).isBetween(1L, 4L);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(Long.toString(retryAfter));
    }

    static int statusOnceTheWaitIsOver(String username, String forwardedFor) throws InterruptedException {
        // Polled rather than slept for exactly the wait: hashing on a busy machine makes timings loose.
        Instant deadline = Instant.now().plusSeconds(20);
        int status = 429;
        while (status == 429 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            status = login(username, PASSWORD, forwardedFor).getStatusCode().value();
        }
        return status;
    }

    @Nested
    class ForOneAccount {

        @Test
        void refusesEvenTheRightPasswordDuringTheWaitThenAcceptsIt() throws Exception {
            user("waits.once");
            // Three free failures, then the fourth makes the next attempt wait.
            for (int i = 0; i < 4; i++) {
                assertThat(login("waits.once", "guess number " + i, "10.1.0.1").getStatusCode().value()).isEqualTo(401);
            }
            assertThrottled(login("waits.once", PASSWORD, "10.1.0.1"));
            // The account waits wherever the guesses come from: a new address is no way round it.
            assertThrottled(login("waits.once", PASSWORD, "10.1.0.2"));
            assertThat(statusOnceTheWaitIsOver("waits.once", "10.1.0.1")).isEqualTo(200);
        }

        @Test
        void treatsAnUnknownUsernameExactlyLikeAKnownOne() {
            user("known.one");
            for (int i = 0; i < 4; i++) {
                ResponseEntity<String> known = login("known.one", "guess number " + i, "10.2.0.1");
                ResponseEntity<String> unknown = login("no.such.one", "guess number " + i, "10.2.0.2");
                assertThat(unknown.getBody()).isEqualTo(known.getBody()).contains("invalid-credentials");
            }
            assertThrottled(login("known.one", "guess number 4", "10.2.0.1"));
            assertThrottled(login("no.such.one", "guess number 4", "10.2.0.2"));
        }

        @Test
        void letsOnlyOneOfABurstOfParallelGuessesThroughOnceTheAccountHasFailed() throws Exception {
            user("burst.at");
            assertThat(login("burst.at", "first guess", "10.7.0.1").getStatusCode().value()).isEqualTo(401);
            int parallel = 10;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String guess = "parallel guess " + i;
                String source = "10.7.1." + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return login("burst.at", guess, source).getStatusCode().value();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();
            // Without the lease all ten would reach the hash (three free failures, no wait yet).
            assertThat(statuses).containsOnly(401, 429).contains(429);
            assertThat(statuses.stream().filter(s -> s == 401).count()).isLessThan(parallel);
        }

        @Test
        void neverDelaysRepeatedSuccessfulSignIns() {
            user("signs.in.often");
            for (int i = 0; i < 30; i++) {
                assertThat(login("signs.in.often", PASSWORD, "10.3.0.1").getStatusCode().value()).isEqualTo(200);
            }
        }
    }

    @Nested
    class ForOneSource {

        @Test
        void makesASprayAcrossAccountsWaitButNotTheAccountsElsewhere() throws Exception {
            user("sprayed.at");
            for (int i = 0; i < 6; i++) {
                assertThat(login("sprayed." + i, "Winter2026!!", "10.4.0.1").getStatusCode().value()).isEqualTo(401);
            }
            assertThrottled(login("sprayed.at", PASSWORD, "10.4.0.1"));
            assertThat(login("sprayed.at", PASSWORD, "10.4.0.2").getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void ignoresAddressesTheClientWroteInFrontOfTheProxysEntry() {
            // Only the right-most untrusted hop is the source: varying what the client prepends changes nothing.
            for (int i = 0; i < 6; i++) {
                login("forger." + i, "Winter2026!!", "203.0.113." + i + ", 10.5.0.1");
            }
            assertThrottled(login("forger.next", "Winter2026!!", "198.51.100.7, 10.5.0.1"));
        }

        @Test
        void doesNotForgiveTheSourceWhenOneOfItsSignInsSucceeds() {
            user("own.account");
            for (int i = 0; i < 4; i++) {
                login("target." + i, "Winter2026!!", "10.6.0.1");
            }
            assertThat(login("own.account", PASSWORD, "10.6.0.1").getStatusCode().value()).isEqualTo(200);
            login("target.4", "Winter2026!!", "10.6.0.1");
            login("target.5", "Winter2026!!", "10.6.0.1");
            assertThrottled(login("target.6", "Winter2026!!", "10.6.0.1"));
        }
    }
}
