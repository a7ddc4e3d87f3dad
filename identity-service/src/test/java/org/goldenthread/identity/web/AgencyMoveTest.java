package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.identity.web.LoginEndpointTest.assertProblem;
import static org.goldenthread.identity.web.LoginEndpointTest.json;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.user.Role;
import org.goldenthread.platform.keys.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Moving an agency (its node address, REST URL or certificate pin) needs a federation administrator who signed
 * in within the window; it is audited with the old and new values and posts a notice to the agency's admins; a
 * pin is removed only on purpose, with a reason. Registering a new agency or renaming one is not moving it.
 */
class AgencyMoveTest {

    static final String PASSWORD = "registry keeper of the north";
    static final String PIN = "ab".repeat(32);
    static final Map<String, Object> POLICE = Map.of("name", "Northshire Police", "grpcTarget", "127.0.0.1:9092",
            "restUrl", "http://127.0.0.1:8092", "certificateFingerprint", PIN, "categories", List.of("CRIME"),
            "status", "ACTIVE");

    @TempDir
    static Path data;
    static RunningIdentity identity;
    static String fresh;
    static String policeAdmin;
    static String councilAdmin;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
        identity.user("fed.admin", "hub", Role.FEDERATION_ADMIN, PASSWORD);
        identity.user("admin.police", "police", Role.AGENCY_ADMIN, PASSWORD);
        identity.user("admin.council", "council", Role.AGENCY_ADMIN, PASSWORD);
        fresh = identity.token("fed.admin", PASSWORD);
        policeAdmin = identity.token("admin.police", PASSWORD);
        councilAdmin = identity.token("admin.council", PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @BeforeEach
    void policeAsRegistered() {
        assertThat(put(POLICE, fresh).getStatusCode().value()).isEqualTo(200);
    }

    /** A genuine federation-admin token whose sign-in was at {@code authTime} (null: the token does not say). */
    static String signedInAt(Instant authTime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://identity.test").subject("fed.admin")
                .audience(List.of("golden-thread")).claim("agency", "hub").claim("roles", List.of("FEDERATION_ADMIN"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        if (authTime != null) {
            claims.claim("auth_time", authTime.getEpochSecond());
        }
        return identity.bean(SigningKeys.class).sign(claims.build(), "at+jwt");
    }

    static ResponseEntity<String> put(Map<String, Object> body, String token) {
        return identity.call("PUT", "/api/identity/agencies/police", token, body);
    }

    static Map<String, Object> police(String field, Object value) {
        var changed = new java.util.HashMap<String, Object>(POLICE);
        changed.put(field, value);
        return changed;
    }

    static JsonNode stored() {
        return json(identity.call("GET", "/api/identity/agencies/police", null, null));
    }

    static JsonNode newestAudit(String action) {
        return json(identity.call("GET", "/api/identity/admin-audit?limit=500", fresh, null)).valueStream()
                .filter(e -> action.equals(e.get("action").asString())).findFirst().orElseThrow();
    }

    @Nested
    class WithoutARecentSignIn {

        @Test
        void refusesToMoveTheNodeOrTheRestUrlOrThePinAndAuditsTheAttempt() {
            for (String token : List.of(signedInAt(Instant.now().minusSeconds(301)), signedInAt(null),
                    signedInAt(Instant.now().plusSeconds(3600)))) {
                for (var move : List.of(police("grpcTarget", "evil.example:443"), police("restUrl", "https://evil.example"),
                        police("certificateFingerprint", "cd".repeat(32)))) {
                    ResponseEntity<String> refused = put(move, token);
                    assertProblem(refused, 401, "reauthentication-required");
                    assertThat(refused.getHeaders().getFirst("WWW-Authenticate"))
                            .contains("error=\"insufficient_user_authentication\"", "max_age=300");
                }
            }
            var clearing = police("certificateFingerprint", null);
            clearing.putAll(Map.of("clearCertificatePin", true, "reason", "node rebuilt"));
            assertProblem(put(clearing, signedInAt(Instant.now().minusSeconds(600))), 401, "reauthentication-required");
            assertThat(stored().get("grpcTarget").asString()).isEqualTo("127.0.0.1:9092");
            assertThat(stored().get("restUrl").asString()).isEqualTo("http://127.0.0.1:8092");
            assertThat(stored().get("certificateFingerprint").asString()).isEqualTo(PIN);
            JsonNode refusal = newestAudit("agency.move");
            assertThat(refusal.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(refusal.get("changes").toString()).isEqualTo("[{\"field\":\"certificateFingerprint\",\"from\":\""
                    + PIN + "\",\"to\":null}]");
            assertThat(json(identity.call("GET", "/api/identity/notices", policeAdmin, null)).valueStream()
                    .filter(n -> n.get("changes").toString().contains("evil.example"))).isEmpty();
        }

        @Test
        void stillRenamesRecategorisesAndRegistersNewAgencies() {
            String stale = signedInAt(Instant.now().minusSeconds(3600));
            assertThat(put(police("name", "Northshire Constabulary"), stale).getStatusCode().value()).isEqualTo(200);
            assertThat(identity.call("PUT", "/api/identity/agencies/housing", stale, Map.of("name", "Homes",
                    "grpcTarget", "127.0.0.1:9093", "status", "ACTIVE")).getStatusCode().value()).isEqualTo(200);
            assertThat(identity.bean(AgencyRegistry.class).find("housing")).isPresent();
        }
    }

    @Nested
    class WithARecentSignIn {

        @Test
        void movesTheNodeAuditsOldAndNewAndTellsThatAgencysAdmins() {
            ResponseEntity<String> moved = put(police("grpcTarget", "10.0.0.7:9092"), fresh);
            assertThat(moved.getStatusCode().value()).isEqualTo(200);
            assertThat(stored().get("grpcTarget").asString()).isEqualTo("10.0.0.7:9092");
            JsonNode entry = newestAudit("agency.move");
            assertThat(entry.get("outcome").asString()).isEqualTo("DONE");
            assertThat(entry.get("actor").asString()).isEqualTo("fed.admin");
            assertThat(entry.get("changes").toString())
                    .isEqualTo("[{\"field\":\"grpcTarget\",\"from\":\"127.0.0.1:9092\",\"to\":\"10.0.0.7:9092\"}]");
            JsonNode notice = json(identity.call("GET", "/api/identity/notices", policeAdmin, null)).get(0);
            assertThat(notice.get("agency").asString()).isEqualTo("police");
            assertThat(notice.get("kind").asString()).isEqualTo("agency.moved");
            assertThat(notice.get("auditId").asString()).isEqualTo(entry.get("id").asString());
            assertThat(notice.get("changes")).isEqualTo(entry.get("changes"));
            assertThat(notice.get("summary").asString()).contains("grpcTarget", "security incident");
            assertThat(json(identity.call("GET", "/api/identity/admin-audit", policeAdmin, null)).findValuesAsString("id"))
                    .as("the police admin can read the entry the notice names").contains(entry.get("id").asString());
            assertThat(json(identity.call("GET", "/api/identity/notices", councilAdmin, null)).findValuesAsString("agency"))
                    .doesNotContain("police");
            assertThat(json(identity.call("GET", "/api/identity/notices", fresh, null)).findValuesAsString("id"))
                    .contains(notice.get("id").asString());
        }

        @Test
        void removesAPinOnlyOnPurposeAndWithAReason() {
            ResponseEntity<String> silent = put(police("certificateFingerprint", null), fresh);
            assertProblem(silent, 409, "certificate-pin-removal-unconfirmed");
            assertThat(json(silent).get("detail").asString()).contains("clearCertificatePin");
            assertThat(stored().get("certificateFingerprint").asString()).isEqualTo(PIN);

            var noReason = police("certificateFingerprint", null);
            noReason.put("clearCertificatePin", true);
            for (Object reason : java.util.Arrays.asList(null, "   ", "x".repeat(501))) {
                noReason.put("reason", reason);
                ResponseEntity<String> refused = put(noReason, fresh);
                assertProblem(refused, 400, "validation-failed");
                assertThat(json(refused).get("errors").findValuesAsString("field")).containsExactly("reason");
            }
            var contradictory = police("certificateFingerprint", "cd".repeat(32));
            contradictory.putAll(Map.of("clearCertificatePin", true, "reason", "new certificate"));
            ResponseEntity<String> both = put(contradictory, fresh);
            assertThat(json(both).get("errors").findValuesAsString("field")).containsExactly("clearCertificatePin");
            assertThat(stored().get("certificateFingerprint").asString()).isEqualTo(PIN);

            var clearing = police("certificateFingerprint", null);
            clearing.putAll(Map.of("clearCertificatePin", true, "reason", "  node moved to the new cluster; mTLS via mesh  "));
            assertThat(put(clearing, fresh).getStatusCode().value()).isEqualTo(200);
            assertThat(stored().get("certificateFingerprint").isNull()).isTrue();
            JsonNode entry = newestAudit("agency.move");
            assertThat(entry.get("reason").asString()).isEqualTo("node moved to the new cluster; mTLS via mesh");
            assertThat(json(identity.call("GET", "/api/identity/notices", policeAdmin, null)).get(0).get("reason").asString())
                    .isEqualTo("node moved to the new cluster; mTLS via mesh");
        }

        @Test
        void aLoginTokenCarriesItsSignInTime() throws Exception {
            Instant before = Instant.now().minusSeconds(1);
            var claims = SignedJWT.parse(identity.token("fed.admin", PASSWORD)).getJWTClaimsSet();
            assertThat(Instant.ofEpochSecond(claims.getLongClaim("auth_time"))).isAfterOrEqualTo(before.minusSeconds(1))
                    .isBeforeOrEqualTo(Instant.now());
        }
    }

    @Nested
    class Notices {

        @Test
        void areForAdministratorsOnlyAndBounded() {
            identity.user("kw.police", "police", Role.KEY_WORKER, PASSWORD);
            assertProblem(identity.call("GET", "/api/identity/notices", identity.token("kw.police", PASSWORD), null), 403,
                    "forbidden");
            assertProblem(identity.call("GET", "/api/identity/notices", null, null), 401, "unauthenticated");
            assertProblem(identity.call("GET", "/api/identity/notices?limit=0", policeAdmin, null), 400, "validation-failed");
            assertProblem(identity.call("GET", "/api/identity/notices?limit=501", policeAdmin, null), 400, "validation-failed");
        }
    }
}
