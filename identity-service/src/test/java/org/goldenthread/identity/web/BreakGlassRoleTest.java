package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.identity.web.AdminApiTest.newUser;
import static org.goldenthread.identity.web.LoginEndpointTest.assertProblem;
import static org.goldenthread.identity.web.LoginEndpointTest.json;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
import org.goldenthread.identity.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The break-glass permission (issue 14) is given per user by the administrator of the user's own
 * agency — to a key-worker or team manager, never to themselves, never in another agency — and
 * appears in the user's next access token.
 */
class BreakGlassRoleTest {

    static final String PASSWORD = "registry keeper of the north";

    @TempDir
    static Path data;
    static RunningIdentity identity;
    static String councilAdmin;
    static String policeAdmin;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
        AgencyRegistry registry = identity.bean(AgencyRegistry.class);
        for (String agency : List.of("council", "police")) {
            registry.register(new Agency(agency, agency, null, null, null, List.of(), AgencyStatus.ACTIVE));
        }
        identity.user("admin.council", "council", Role.AGENCY_ADMIN, PASSWORD);
        identity.user("admin.police", "police", Role.AGENCY_ADMIN, PASSWORD);
        identity.user("kw.council", "council", Role.KEY_WORKER, PASSWORD);
        identity.user("dpo.council", "council", Role.DPO, PASSWORD);
        identity.user("pc.police", "police", Role.KEY_WORKER, PASSWORD);
        councilAdmin = identity.token("admin.council", PASSWORD);
        policeAdmin = identity.token("admin.police", PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static ResponseEntity<String> call(HttpMethod method, String path, String token, Object body) {
        var request = identity.http().method(method).uri(path).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(RunningIdentity.JSON.writeValueAsString(body));
        }
        return request.retrieve().toEntity(String.class);
    }

    static List<String> roles(ResponseEntity<String> answer) {
        return json(answer).get("roles").valueStream().map(JsonNode::asString).sorted().toList();
    }

    @Test
    void anAgencyAdminGivesAndTakesBreakGlassForAUserOfTheirOwnAgency() {
        var given = call(HttpMethod.PUT, "/api/identity/users/kw.council/roles/BREAK_GLASS", councilAdmin, null);
        var again = call(HttpMethod.PUT, "/api/identity/users/kw.council/roles/BREAK_GLASS", councilAdmin, null);
        String token = identity.token("kw.council", PASSWORD);
        var me = call(HttpMethod.GET, "/api/identity/me", token, null);

        assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(200);
        assertThat(roles(given)).containsExactly("BREAK_GLASS", "KEY_WORKER");
        assertThat(roles(again)).as("giving it twice changes nothing").containsExactly("BREAK_GLASS", "KEY_WORKER");
        assertThat(roles(me)).as("the next access token carries it").containsExactly("BREAK_GLASS", "KEY_WORKER");
        JsonNode trail = json(call(HttpMethod.GET, "/api/identity/admin-audit", councilAdmin, null));
        assertThat(trail.valueStream().filter(e -> "user.role-grant.BREAK_GLASS".equals(e.get("action").asString())
                && "kw.council".equals(e.get("target").asString()) && "DONE".equals(e.get("outcome").asString())))
                .hasSize(2);

        var taken = call(HttpMethod.DELETE, "/api/identity/users/kw.council/roles/BREAK_GLASS", councilAdmin, null);
        assertThat(roles(taken)).containsExactly("KEY_WORKER");
        assertProblem(call(HttpMethod.DELETE, "/api/identity/users/kw.council/roles/KEY_WORKER", councilAdmin, null),
                400, "validation-failed");
    }

    @Test
    void anAgencyAdminCannotGiveItInAnotherAgency() {
        var elsewhere = call(HttpMethod.PUT, "/api/identity/users/pc.police/roles/BREAK_GLASS", councilAdmin, null);
        var missing = call(HttpMethod.PUT, "/api/identity/users/no.such.user/roles/BREAK_GLASS", councilAdmin, null);

        assertProblem(elsewhere, 404, "user-not-found");
        assertThat(AdminApiTest.sameAnswer(missing)).isEqualTo(AdminApiTest.sameAnswer(elsewhere));
        assertThat(roles(call(HttpMethod.GET, "/api/identity/users/pc.police", policeAdmin, null)))
                .containsExactly("KEY_WORKER");
        assertProblem(call(HttpMethod.PUT, "/api/identity/users/pc.police/roles", councilAdmin,
                Map.of("roles", List.of("KEY_WORKER", "BREAK_GLASS"))), 404, "user-not-found");
        assertProblem(call(HttpMethod.POST, "/api/identity/users", councilAdmin,
                newUser("bg.intruder", "police", List.of("KEY_WORKER", "BREAK_GLASS"), PASSWORD)), 403,
                "forbidden-agency");
        var own = call(HttpMethod.PUT, "/api/identity/users/pc.police/roles/BREAK_GLASS", policeAdmin, null);
        assertThat(roles(own)).as("its own admin can").containsExactly("BREAK_GLASS", "KEY_WORKER");
    }

    @Test
    void isGivenOnlyToFrontLineStaffNeverToOneselfAndOnlyByAnAdmin() {
        // A DPO is not the agency admin's to administer at all (RoleGrants); the front-line rule itself is the next call.
        assertProblem(call(HttpMethod.PUT, "/api/identity/users/dpo.council/roles/BREAK_GLASS", councilAdmin, null),
                403, "account-not-administrable");
        assertProblem(call(HttpMethod.POST, "/api/identity/users", councilAdmin,
                newUser("bg.alone", null, List.of("BREAK_GLASS"), PASSWORD)), 400, "validation-failed");
        assertProblem(call(HttpMethod.PUT, "/api/identity/users/admin.council/roles/BREAK_GLASS", councilAdmin, null),
                409, "own-account");
        assertProblem(call(HttpMethod.PUT, "/api/identity/users/kw.council/roles/FEDERATION_ADMIN", councilAdmin, null),
                403, "role-not-grantable");
        for (String unknown : List.of("SUPERUSER", "break_glass", "BREAK_GLASS ", "$gt")) {
            var refused = call(HttpMethod.PUT, "/api/identity/users/kw.council/roles/" + unknown, councilAdmin, null);
            assertProblem(refused, 400, "validation-failed");
            assertThat(json(refused).get("errors").findValuesAsString("field")).containsExactly("role");
        }
        String keyWorker = identity.token("kw.council", PASSWORD);
        assertProblem(call(HttpMethod.PUT, "/api/identity/users/kw.council/roles/BREAK_GLASS", keyWorker, null),
                403, "forbidden");
        assertThat(roles(call(HttpMethod.GET, "/api/identity/users/dpo.council", councilAdmin, null)))
                .containsExactly("DPO");
    }
}
