package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.goldenthread.identity.Browser;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Every sign-in is in identity's audit, readable as the admin audit is; no secret is in it or in the log. */
@ExtendWith(OutputCaptureExtension.class)
class SignInAuditTest {

    static final String PASSWORD = "registry keeper of the north";
    static final String WRONG = "the wrong horse battery";

    @TempDir
    static Path data;
    static RunningIdentity identity;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
        identity.user("admin.council", "council", Role.AGENCY_ADMIN, PASSWORD);
        identity.user("dpo.council", "council", Role.DPO, PASSWORD);
        identity.user("admin.police", "police", Role.AGENCY_ADMIN, PASSWORD);
        identity.user("fed.admin", "police", Role.FEDERATION_ADMIN, PASSWORD);
        identity.user("kw.audited", "council", Role.KEY_WORKER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static ResponseEntity<String> read(String reader, String query) {
        return identity.http().get().uri("/api/identity/sign-in-audit" + query)
                .header("Authorization", "Bearer " + identity.token(reader, PASSWORD)).retrieve().toEntity(String.class);
    }

    static List<JsonNode> entries(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        RunningIdentity.JSON.readTree(answer.getBody()).forEach(found::add);
        return found;
    }

    static List<String> outcomesOf(List<JsonNode> entries, String account) {
        return entries.stream().filter(e -> account.equals(e.get("account").asString(null)))
                .map(e -> e.get("outcome").asString()).toList();
    }

    @Test
    void recordsSuccessAndFailureForTheAccountsAgencyWithoutSecretsOrUsernamesInTheLog(CapturedOutput output) {
        assertThat(identity.login("kw.audited", WRONG).getStatusCode().value()).isEqualTo(401);
        String token = identity.token("kw.audited", PASSWORD);

        for (String reader : List.of("dpo.council", "admin.council")) {
            List<JsonNode> seen = entries(read(reader, "?limit=500"));
            assertThat(outcomesOf(seen, "kw.audited")).as(reader).containsExactly("SUCCESS", "WRONG_PASSWORD");
            assertThat(seen).as(reader).allSatisfy(e -> assertThat(e.get("agency").asString()).isEqualTo("council"));
            JsonNode newest = seen.stream().filter(e -> "kw.audited".equals(e.get("account").asString(null)))
                    .findFirst().orElseThrow();
            assertThat(newest.get("channel").asString()).isEqualTo("api");
            assertThat(newest.get("source").asString()).isEqualTo("127.0.0.1");
            assertThat(newest.get("at").asString()).isNotBlank();
        }
        assertThat(outcomesOf(entries(read("admin.police", "")), "kw.audited")).isEmpty();

        String everything = identity.bean(MongoDatabase.class).getCollection("sign_in_audit").find()
                .map(Document::toJson).into(new ArrayList<>()).toString();
        assertThat(everything).doesNotContain(PASSWORD).doesNotContain(WRONG).doesNotContain(token);
        // The message of each audit line (the thread name carries the server's own address).
        assertThat(output.getAll().lines().filter(line -> line.contains("\"message\":\"sign-in "))
                .map(line -> line.substring(line.indexOf("\"message\":"))))
                .hasSizeGreaterThanOrEqualTo(2)
                .noneMatch(message -> message.contains("kw.audited") || message.contains("dpo.council")
                        || message.contains("127.0.0.1"));
    }

    @Test
    void showsAttemptsAtUnknownUsernamesToFederationAdminsOnlyAndWithoutWhatWasTyped() {
        identity.login("someone.unknown", WRONG);
        List<JsonNode> all = entries(read("fed.admin", "?limit=500"));
        assertThat(all).anySatisfy(e -> {
            assertThat(e.get("outcome").asString()).isEqualTo("UNKNOWN_ACCOUNT");
            assertThat(e.get("account").isNull()).isTrue();
            assertThat(e.get("agency").isNull()).isTrue();
        });
        assertThat(read("fed.admin", "?limit=500").getBody()).doesNotContain("someone.unknown");
        assertThat(entries(read("admin.council", "?limit=500")))
                .noneMatch(e -> "UNKNOWN_ACCOUNT".equals(e.get("outcome").asString()));
    }

    @Test
    void recordsTheLoginPageAsItsOwnChannel() {
        identity.user("kw.form", "council", Role.KEY_WORKER, PASSWORD);
        assertThat(new Browser(identity.baseUrl()).signIn("kw.form", WRONG, null).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(new Browser(identity.baseUrl()).signIn("kw.form", PASSWORD, null).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        List<JsonNode> seen = entries(read("dpo.council", "?limit=500")).stream()
                .filter(e -> "kw.form".equals(e.get("account").asString(null))).toList();
        assertThat(seen).extracting(e -> e.get("outcome").asString()).containsExactly("SUCCESS", "WRONG_PASSWORD");
        assertThat(seen).allSatisfy(e -> assertThat(e.get("channel").asString()).isEqualTo("form"));
    }

    @Test
    void refusesReadersWithoutTheRoleAndLimitsOutOfRange() {
        ResponseEntity<String> keyWorker = read("kw.audited", "");
        assertThat(keyWorker.getStatusCode().value()).isEqualTo(403);
        assertThat(keyWorker.getBody()).contains("\"code\":\"forbidden\"");
        assertThat(identity.http().get().uri("/api/identity/sign-in-audit").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(401);
        for (String limit : List.of("0", "501", "-1")) {
            ResponseEntity<String> answer = read("dpo.council", "?limit=" + limit);
            assertThat(answer.getStatusCode().value()).as(limit).isEqualTo(400);
            assertThat(answer.getBody()).contains("validation-failed");
        }
    }
}
