package org.goldenthread.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goldenthread.identity.Browser;
import org.goldenthread.identity.RunningIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** TOTP enrolment, sign-in with the second factor (API and login page), recovery codes, disabling. */
class SecondFactorEndpointTest {

    static final String PASSWORD = "a long river bends twice";

    @TempDir
    static Path data;
    static RunningIdentity identity;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static ResponseEntity<String> post(String path, String token, Object body) {
        return identity.http().post().uri(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : RunningIdentity.JSON.writeValueAsString(body))
                .retrieve().toEntity(String.class);
    }

    static JsonNode json(ResponseEntity<String> answer) {
        return RunningIdentity.JSON.readTree(answer.getBody());
    }

    static ResponseEntity<String> login(String username, String totp) {
        return identity.postJson("/api/identity/login", Map.of("username", username, "password", PASSWORD, "totp", totp));
    }

    static String codeAt(String secret, long step) {
        return Totp.code(Base32.decode(secret), step);
    }

    static long now() {
        return Totp.step(Instant.now());
    }

    @Nested
    class EnrollingAndSigningIn {

        @Test
        void requiresTheCodeOnceEnrolledAndAcceptsEachCodeOnce() {
            identity.user("two.factor", "housing", Role.KEY_WORKER, PASSWORD);
            String token = identity.token("two.factor", PASSWORD);

            ResponseEntity<String> started = post("/api/identity/me/totp", token, "{}");
            assertThat(started.getStatusCode().value()).isEqualTo(200);
            assertThat(started.getHeaders().getCacheControl()).contains("no-store");
            String secret = json(started).get("secret").asString();
            assertThat(json(started).get("otpauthUri").asString())
                    .startsWith("otpauth://totp/Golden%20Thread:two.factor?secret=" + secret)
                    .contains("issuer=Golden%20Thread", "digits=6", "period=30");
            // Not on until confirmed: the password alone still signs in.
            assertThat(identity.login("two.factor", PASSWORD).getStatusCode().value()).isEqualTo(200);

            ResponseEntity<String> wrong = post("/api/identity/me/totp/confirm", token, Map.of("code", "000000"));
            assertThat(wrong.getStatusCode().value()).isEqualTo(400);
            assertThat(json(wrong).get("code").asString()).isEqualTo("invalid-totp-code");

            long step = now();
            ResponseEntity<String> confirmed = post("/api/identity/me/totp/confirm", token, Map.of("code", codeAt(secret, step)));
            assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
            List<String> recovery = json(confirmed).get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
            assertThat(recovery).hasSize(10).doesNotHaveDuplicates()
                    .allSatisfy(c -> assertThat(c).matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"));

            ResponseEntity<String> wrongPassword = identity.login("two.factor", "not the password at all");
            ResponseEntity<String> noCode = identity.login("two.factor", PASSWORD);
            ResponseEntity<String> wrongCode = login("two.factor", "123456".equals(codeAt(secret, step + 1)) ? "654321" : "123456");
            assertThat(noCode.getStatusCode().value()).isEqualTo(401);
            assertThat(noCode.getBody()).isEqualTo(wrongPassword.getBody()).contains("invalid-credentials");
            assertThat(wrongCode.getBody()).isEqualTo(wrongPassword.getBody());

            String next = codeAt(secret, step + 1);
            assertThat(login("two.factor", next).getStatusCode().value()).isEqualTo(200);
            assertThat(login("two.factor", next).getStatusCode().value()).as("replayed code").isEqualTo(401);

            assertThat(login("two.factor", recovery.get(0)).getStatusCode().value()).isEqualTo(200);
            assertThat(login("two.factor", recovery.get(0)).getStatusCode().value()).as("used recovery code").isEqualTo(401);

            ResponseEntity<String> again = post("/api/identity/me/totp", token, "{}");
            assertThat(again.getStatusCode().value()).isEqualTo(409);
            assertThat(json(again).get("code").asString()).isEqualTo("totp-already-enabled");

            // The login page takes the code too (a recovery code here: the TOTP steps are used up).
            Browser browser = new Browser(identity.baseUrl());
            assertThat(Browser.location(browser.signIn("two.factor", PASSWORD, null))).endsWith("/login?error");
            assertThat(Browser.location(browser.signIn("two.factor", PASSWORD, recovery.get(1).toLowerCase())))
                    .endsWith("/login?signed-in");

            assertThat(post("/api/identity/me/totp/disable", token, Map.of("code", "999999")).getStatusCode().value())
                    .isEqualTo(400);
            assertThat(post("/api/identity/me/totp/disable", token, Map.of("code", recovery.get(2))).getStatusCode().value())
                    .isEqualTo(204);
            assertThat(identity.login("two.factor", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }
    }

    @Nested
    class WithBadInput {

        @Test
        void refusesAConfirmationWithoutAnEnrolment() {
            identity.user("no.enrolment", "housing", Role.KEY_WORKER, PASSWORD);
            ResponseEntity<String> answer = post("/api/identity/me/totp/confirm", identity.token("no.enrolment", PASSWORD),
                    Map.of("code", "123456"));
            assertThat(answer.getStatusCode().value()).isEqualTo(409);
            assertThat(json(answer).get("code").asString()).isEqualTo("totp-not-pending");
        }

        @Test
        void namesAMissingOrOversizedCode() {
            identity.user("bad.input", "housing", Role.KEY_WORKER, PASSWORD);
            String token = identity.token("bad.input", PASSWORD);
            ResponseEntity<String> missing = post("/api/identity/me/totp/confirm", token, "{}");
            assertThat(missing.getStatusCode().value()).isEqualTo(400);
            assertThat(json(missing).get("errors").findValuesAsString("field")).containsExactly("code");
            ResponseEntity<String> operator = post("/api/identity/me/totp/confirm", token, "{\"code\":{\"$ne\":\"\"}}");
            assertThat(operator.getStatusCode().value()).isEqualTo(400);
            assertThat(post("/api/identity/me/totp/confirm", token, Map.of("code", "1".repeat(33))).getStatusCode().value())
                    .isEqualTo(400);
            assertThat(identity.postJson("/api/identity/login",
                    Map.of("username", "bad.input", "password", PASSWORD, "totp", "1".repeat(33))).getStatusCode().value())
                    .isEqualTo(400);
        }

        @Test
        void refusesEnrolmentWithoutAToken() {
            assertThat(identity.postJson("/api/identity/me/totp", "{}").getStatusCode().value()).isEqualTo(401);
        }
    }
}
