package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.identity.web.LoginEndpointTest.assertProblem;
import static org.goldenthread.identity.web.LoginEndpointTest.json;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
import org.goldenthread.identity.user.Role;
import org.goldenthread.platform.keys.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The admin REST API's role checks, its answers, its audit trail; and tokens identity's API refuses. */
class AdminApiTest {

    static final String PASSWORD = "registry keeper of the north";
    static final String NEW_PASSWORD = "seven swans over the weir";

    @TempDir
    static Path data;
    static RunningIdentity identity;
    static String councilAdmin;
    static String fedAdmin;
    static String keyWorker;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data, "--goldenthread.identity.sign-in.account-free-failures=2",
                "--goldenthread.identity.sign-in.first-delay=1m");
        AgencyRegistry registry = identity.bean(AgencyRegistry.class);
        for (String agency : List.of("council", "police")) {
            registry.register(new Agency(agency, agency, null, null, null, List.of(), AgencyStatus.ACTIVE));
        }
        identity.user("admin.council", "council", Role.AGENCY_ADMIN, PASSWORD);
        identity.user("admin.police", "police", Role.AGENCY_ADMIN, PASSWORD);
        identity.user("fed.admin", "hub", Role.FEDERATION_ADMIN, PASSWORD);
        identity.user("kw.council", "council", Role.KEY_WORKER, PASSWORD);
        councilAdmin = identity.token("admin.council", PASSWORD);
        fedAdmin = identity.token("fed.admin", PASSWORD);
        keyWorker = identity.token("kw.council", PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static ResponseEntity<String> call(String method, String path, String token, Object body) {
        return identity.call(method, path, token, body);
    }

    /** The answer without {@code instance}, which only echoes the request path. */
    static String sameAnswer(ResponseEntity<String> answer) {
        return answer.getStatusCode().value() + " " + answer.getBody().replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    static Map<String, Object> newUser(String username, String agency, List<String> roles, String password) {
        var user = new java.util.HashMap<String, Object>(Map.of("username", username, "displayName", "New " + username,
                "roles", roles, "password", password));
        if (agency != null) {
            user.put("agency", agency);
        }
        return user;
    }

    @Nested
    class AsAnAgencyAdministrator {

        @Test
        void createsAUserInTheirOwnAgencyWhoCanThenSignIn() {
            ResponseEntity<String> created = call("POST", "/api/identity/users", councilAdmin,
                    newUser("new.worker", null, List.of("KEY_WORKER"), NEW_PASSWORD));
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            assertThat(created.getHeaders().getLocation()).hasToString("/api/identity/users/new.worker");
            assertThat(created.getBody()).isEqualTo("{\"username\":\"new.worker\",\"displayName\":\"New new.worker\","
                    + "\"agency\":\"council\",\"roles\":[\"KEY_WORKER\"],\"status\":\"ACTIVE\",\"locked\":false,"
                    + "\"secondFactor\":false}");
            assertThat(identity.login("new.worker", NEW_PASSWORD).getStatusCode().value()).isEqualTo(200);
            assertProblem(call("POST", "/api/identity/users", councilAdmin,
                    newUser("NEW.worker", null, List.of("KEY_WORKER"), NEW_PASSWORD)), 409, "username-unavailable");
        }

        @Test
        void refusesAnotherAgencyAndTheFederationAdminRole() {
            assertProblem(call("POST", "/api/identity/users", councilAdmin,
                    newUser("intruder", "police", List.of("KEY_WORKER"), NEW_PASSWORD)), 403, "forbidden-agency");
            ResponseEntity<String> escalation = call("POST", "/api/identity/users", councilAdmin,
                    newUser("escalated", null, List.of("FEDERATION_ADMIN"), NEW_PASSWORD));
            assertProblem(escalation, 403, "role-not-grantable");
            assertThat(json(escalation).get("detail").asString()).contains("FEDERATION_ADMIN");
            assertProblem(call("GET", "/api/identity/users?agency=police", councilAdmin, null), 403, "forbidden-agency");
        }

        @Test
        void answersAnotherAgencysUserExactlyLikeAMissingOne() {
            for (String action : List.of("disable", "unlock", "totp/reset")) {
                ResponseEntity<String> other = call("POST", "/api/identity/users/admin.police/" + action, councilAdmin, null);
                ResponseEntity<String> missing = call("POST", "/api/identity/users/no.such.user/" + action, councilAdmin, null);
                assertProblem(other, 404, "user-not-found");
                assertThat(sameAnswer(missing)).isEqualTo(sameAnswer(other));
            }
            ResponseEntity<String> otherReset = call("POST", "/api/identity/users/admin.police/password", councilAdmin,
                    Map.of("password", NEW_PASSWORD));
            ResponseEntity<String> missingReset = call("POST", "/api/identity/users/no.such.user/password", councilAdmin,
                    Map.of("password", NEW_PASSWORD));
            assertProblem(otherReset, 404, "user-not-found");
            assertThat(sameAnswer(missingReset)).isEqualTo(sameAnswer(otherReset));
            assertThat(identity.login("admin.police", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void listsOnlyTheirOwnAgencysUsers() {
            JsonNode users = json(call("GET", "/api/identity/users", councilAdmin, null));
            assertThat(users.findValuesAsString("agency")).isNotEmpty().containsOnly("council");
            assertThat(users.findValuesAsString("username")).contains("admin.council", "kw.council")
                    .doesNotContain("admin.police", "fed.admin");
        }

        @Test
        void disablesAndEnablesAUserWhoseSignInAnswerGivesNothingAway() {
            identity.user("to.disable", "council", Role.KEY_WORKER, PASSWORD);
            ResponseEntity<String> disabled = call("POST", "/api/identity/users/to.disable/disable", councilAdmin, null);
            assertThat(json(disabled).get("status").asString()).isEqualTo("DISABLED");
            ResponseEntity<String> refused = identity.login("to.disable", PASSWORD);
            assertProblem(refused, 401, "invalid-credentials");
            assertThat(refused.getBody()).isEqualTo(identity.login("to.disable", "not the password at all").getBody());
            call("POST", "/api/identity/users/to.disable/enable", councilAdmin, null);
            assertThat(identity.login("to.disable", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void unlocksALockedAccount() {
            identity.user("to.unlock", "council", Role.KEY_WORKER, PASSWORD);
            for (int i = 0; i < 3; i++) {
                identity.login("to.unlock", "guess number " + i);
            }
            assertThat(json(call("GET", "/api/identity/users/to.unlock", councilAdmin, null)).get("locked").asBoolean()).isTrue();
            assertThat(identity.login("to.unlock", PASSWORD).getStatusCode().value()).isEqualTo(429);
            assertThat(json(call("POST", "/api/identity/users/to.unlock/unlock", councilAdmin, null)).get("locked").asBoolean())
                    .isFalse();
            assertThat(identity.login("to.unlock", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void changesRolesAndSetsANewPasswordUnderThePolicy() {
            identity.user("to.change", "council", Role.KEY_WORKER, PASSWORD);
            ResponseEntity<String> changed = call("PUT", "/api/identity/users/to.change/roles", councilAdmin,
                    Map.of("roles", List.of("TEAM_MANAGER", "BREAK_GLASS")));
            assertThat(json(changed).get("roles").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder("TEAM_MANAGER", "BREAK_GLASS");
            ResponseEntity<String> weak = call("POST", "/api/identity/users/to.change/password", councilAdmin,
                    Map.of("password", "password1234"));
            assertProblem(weak, 400, "validation-failed");
            assertThat(json(weak).get("errors").findValuesAsString("field")).containsExactly("password");
            assertThat(call("POST", "/api/identity/users/to.change/password", councilAdmin, Map.of("password", NEW_PASSWORD))
                    .getStatusCode().value()).isEqualTo(204);
            assertThat(identity.login("to.change", PASSWORD).getStatusCode().value()).isEqualTo(401);
            String token = identity.token("to.change", NEW_PASSWORD);
            assertThat(call("GET", "/api/identity/me", token, null).getBody()).contains("\"roles\":[\"TEAM_MANAGER\",\"BREAK_GLASS\"]");
        }

        @Test
        void mayNotDisableOrReRoleThemselves() {
            assertProblem(call("POST", "/api/identity/users/admin.council/disable", councilAdmin, null), 409, "own-account");
            assertProblem(call("PUT", "/api/identity/users/Admin.Council/roles", councilAdmin,
                    Map.of("roles", List.of("KEY_WORKER"))), 409, "own-account");
        }

        @Test
        void seesTheAuditTrailOfTheirOwnAgencyOnly() {
            call("POST", "/api/identity/users", councilAdmin, newUser("audited", null, List.of("TEAM_MANAGER"), NEW_PASSWORD));
            call("POST", "/api/identity/users", fedAdmin, newUser("police.new", "police", List.of("KEY_WORKER"), NEW_PASSWORD));
            JsonNode trail = json(call("GET", "/api/identity/admin-audit", councilAdmin, null));
            assertThat(trail.findValuesAsString("agency")).containsOnly("council");
            assertThat(trail.valueStream().filter(e -> "audited".equals(e.get("target").asString())))
                    .singleElement().satisfies(e -> {
                        assertThat(e.get("action").asString()).isEqualTo("user.create");
                        assertThat(e.get("actor").asString()).isEqualTo("admin.council");
                        assertThat(e.get("outcome").asString()).isEqualTo("DONE");
                    });
            JsonNode all = json(call("GET", "/api/identity/admin-audit?limit=500", fedAdmin, null));
            assertThat(all.findValuesAsString("target")).contains("police.new", "audited");
            assertThat(all.findValuesAsString("outcome")).contains("REFUSED");
        }
    }

    @Nested
    class WithoutAnAdministratorRole {

        @Test
        void refusesEveryAdminEndpoint() {
            assertProblem(call("GET", "/api/identity/users", keyWorker, null), 403, "forbidden");
            assertProblem(call("POST", "/api/identity/users", keyWorker,
                    newUser("sneaky", null, List.of("KEY_WORKER"), NEW_PASSWORD)), 403, "forbidden");
            assertProblem(call("POST", "/api/identity/users/kw.council/unlock", keyWorker, null), 403, "forbidden");
            assertProblem(call("GET", "/api/identity/admin-audit", keyWorker, null), 403, "forbidden");
            assertProblem(call("GET", "/api/identity/users", null, null), 401, "unauthenticated");
        }
    }

    @Nested
    class WithBadInput {

        @Test
        void namesTheFieldsAtFault() {
            ResponseEntity<String> missing = call("POST", "/api/identity/users", councilAdmin, "{}");
            assertProblem(missing, 400, "validation-failed");
            assertThat(json(missing).get("errors").findValuesAsString("field"))
                    .contains("username", "displayName", "roles", "password");
            assertProblem(call("POST", "/api/identity/users", councilAdmin,
                    newUser("bad name!", null, List.of("KEY_WORKER"), NEW_PASSWORD)), 400, "validation-failed");
            ResponseEntity<String> role = call("POST", "/api/identity/users", councilAdmin,
                    newUser("ok.name", null, List.of("SUPERUSER"), NEW_PASSWORD));
            assertProblem(role, 400, "validation-failed");
            assertThat(json(role).get("errors").findValuesAsString("field")).singleElement().asString().startsWith("roles");
            assertProblem(call("POST", "/api/identity/users", councilAdmin,
                    "{\"username\":{\"$gt\":\"\"},\"displayName\":\"x\",\"roles\":[\"DPO\"],\"password\":\"x\"}"),
                    400, "validation-failed");
            assertProblem(call("GET", "/api/identity/admin-audit?limit=0", councilAdmin, null), 400, "validation-failed");
            ResponseEntity<String> notANumber = call("GET", "/api/identity/admin-audit?limit=lots", councilAdmin, null);
            assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
            assertThat(notANumber.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        }
    }

    @Nested
    class WithABadToken {

        static JWTClaimsSet.Builder claims() {
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder().issuer("https://identity.test").subject("fed.admin")
                    .audience(List.of("golden-thread")).claim("agency", "police").claim("roles", List.of("FEDERATION_ADMIN"))
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        }

        static void refused(String token) {
            assertProblem(call("GET", "/api/identity/users?agency=police", token, null), 401, "unauthenticated");
        }

        @Test
        void acceptsTheWellFormedControl() {
            String token = identity.bean(SigningKeys.class).sign(claims().build(), "at+jwt");
            assertThat(call("GET", "/api/identity/users?agency=police", token, null).getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void refusesAnExpiredToken() {
            Instant past = Instant.now().minusSeconds(600);
            refused(identity.bean(SigningKeys.class).sign(claims().issueTime(Date.from(past.minusSeconds(300)))
                    .expirationTime(Date.from(past)).build(), "at+jwt"));
        }

        @Test
        void refusesAWrongAudienceOrIssuer() {
            refused(identity.bean(SigningKeys.class).sign(claims().audience(List.of("elsewhere")).build(), "at+jwt"));
            refused(identity.bean(SigningKeys.class).sign(claims().issuer("https://evil.test").build(), "at+jwt"));
        }

        @Test
        void refusesATamperedToken() {
            String genuine = identity.token("kw.council", PASSWORD);
            String[] parts = genuine.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("KEY_WORKER", "FEDERATION_ADMIN");
            refused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                    + "." + parts[2]);
        }

        @Test
        void refusesAnUnsignedToken() {
            refused(new PlainJWT(claims().build()).serialize());
            String header = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
            String body = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims().build().toString().getBytes(StandardCharsets.UTF_8));
            refused(header + "." + body + ".");
        }

        @Test
        void refusesATokenSignedWithAnotherKey() throws Exception {
            var foreign = new ECKeyGenerator(Curve.P_256).keyID("foreign").generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("foreign")
                    .type(new JOSEObjectType("at+jwt")).build(), claims().build());
            jwt.sign(new ECDSASigner(foreign));
            refused(jwt.serialize());
        }
    }
}
