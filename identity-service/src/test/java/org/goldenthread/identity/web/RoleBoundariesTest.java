package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.identity.web.AdminApiTest.newUser;
import static org.goldenthread.identity.web.LoginEndpointTest.assertProblem;
import static org.goldenthread.identity.web.LoginEndpointTest.json;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
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
 * {@code RoleGrants} row by row over HTTP: whom an agency administrator and a federation administrator may
 * administer, each refusal a 403 problem with its code, audited, and the target's account left as it was.
 */
class RoleBoundariesTest {

    static final String PASSWORD = "registry keeper of the north";
    static final String NEW_PASSWORD = "seven swans over the weir";

    /** Every change the admin API offers on an existing account, as method, path suffix and body. */
    static final List<Object[]> CHANGES = List.of(
            new Object[] {"POST", "/password", Map.of("password", NEW_PASSWORD), "user.password"},
            new Object[] {"POST", "/totp/reset", null, "user.totp-reset"},
            new Object[] {"POST", "/disable", null, "user.disable"},
            new Object[] {"POST", "/enable", null, "user.enable"},
            new Object[] {"POST", "/unlock", null, "user.unlock"},
            new Object[] {"PUT", "/roles", Map.of("roles", List.of("KEY_WORKER")), "user.roles"},
            new Object[] {"PUT", "/roles/TEAM_MANAGER", null, "user.role-grant.TEAM_MANAGER"},
            new Object[] {"DELETE", "/roles/KEY_WORKER", null, "user.role-remove.KEY_WORKER"});

    @TempDir
    static Path data;
    static RunningIdentity identity;
    static String councilAdmin;
    static String fedAdmin;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
        AgencyRegistry registry = identity.bean(AgencyRegistry.class);
        for (String agency : List.of("council", "police")) {
            registry.register(new Agency(agency, agency, null, null, null, List.of(), AgencyStatus.ACTIVE));
        }
        user("admin.council", "council", Role.AGENCY_ADMIN);
        user("admin2.council", "council", Role.AGENCY_ADMIN);
        user("dpo.council", "council", Role.DPO);
        user("kwdpo.council", "council", Role.KEY_WORKER, Role.DPO);
        // Where the demo kept its federation admin before issue 15: in an agency, beside that agency's admin.
        user("legacy.fed", "council", Role.FEDERATION_ADMIN);
        user("fed.admin", "hub", Role.FEDERATION_ADMIN);
        user("fed.other", "hub", Role.FEDERATION_ADMIN);
        councilAdmin = identity.token("admin.council", PASSWORD);
        fedAdmin = identity.token("fed.admin", PASSWORD);
    }

    static void user(String username, String agency, Role... roles) {
        identity.bean(UserDirectory.class).ensureUser(username, "Test " + username, agency, Set.of(roles), PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static ResponseEntity<String> call(String method, String path, String token, Object body) {
        return identity.call(method, path, token, body);
    }

    static JsonNode lastAudit(String action, String target) {
        JsonNode trail = json(call("GET", "/api/identity/admin-audit?limit=500", fedAdmin, null));
        return trail.valueStream().filter(e -> action.equals(e.get("action").asString())
                && (target == null ? e.get("target").isNull() : target.equals(e.get("target").asString())))
                .findFirst().orElseThrow(() -> new AssertionError("no audit entry " + action + " " + target));
    }

    @Nested
    class AnAgencyAdministrator {

        @Test
        void administersKeyWorkersTeamManagersAndBreakGlassHoldersOfItsAgency() {
            for (Set<Role> roles : List.of(Set.of(Role.KEY_WORKER), Set.of(Role.TEAM_MANAGER),
                    Set.of(Role.KEY_WORKER, Role.BREAK_GLASS), Set.of(Role.TEAM_MANAGER, Role.BREAK_GLASS))) {
                String username = "fl" + roles.hashCode();
                identity.bean(UserDirectory.class).ensureUser(username, "Front line", "council", roles, PASSWORD);
                for (Object[] change : CHANGES) {
                    ResponseEntity<String> answer = call((String) change[0], "/api/identity/users/" + username + change[1],
                            councilAdmin, change[2]);
                    assertThat(answer.getStatusCode().is2xxSuccessful()).as(roles + " " + change[3] + " " + answer.getBody())
                            .isTrue();
                }
            }
        }

        @Test
        void refusesEveryChangeToADpoAnotherAdminOrAFederationAdminAndAuditsIt() {
            for (String target : List.of("dpo.council", "kwdpo.council", "admin2.council", "legacy.fed")) {
                for (Object[] change : CHANGES) {
                    ResponseEntity<String> answer = call((String) change[0], "/api/identity/users/" + target + change[1],
                            councilAdmin, change[2]);
                    assertProblem(answer, 403, "account-not-administrable");
                    assertThat(json(answer).get("detail").asString()).contains("ask a federation administrator");
                    JsonNode entry = lastAudit((String) change[3], target);
                    assertThat(entry.get("outcome").asString()).isEqualTo("REFUSED");
                    assertThat(entry.get("actor").asString()).isEqualTo("admin.council");
                }
                assertThat(identity.login(target, PASSWORD).getStatusCode().value()).as(target + " unchanged").isEqualTo(200);
            }
            // Reading is not administering: the agency admin still sees who their DPO is.
            assertThat(call("GET", "/api/identity/users/dpo.council", councilAdmin, null).getStatusCode().value())
                    .isEqualTo(200);
        }

        @Test
        void givesNoRoleBeyondItsRowNeitherToAUserNorToANewOne() {
            user("kw.council", "council", Role.KEY_WORKER);
            for (String role : List.of("AGENCY_ADMIN", "DPO", "FEDERATION_ADMIN")) {
                ResponseEntity<String> grant = call("PUT", "/api/identity/users/kw.council/roles/" + role, councilAdmin, null);
                assertProblem(grant, 403, "role-not-grantable");
                assertThat(json(grant).get("detail").asString()).contains(role);
                assertThat(lastAudit("user.role-grant." + role, "kw.council").get("outcome").asString()).isEqualTo("REFUSED");
                assertProblem(call("PUT", "/api/identity/users/kw.council/roles", councilAdmin,
                        Map.of("roles", List.of("KEY_WORKER", role))), 403, "role-not-grantable");
                assertProblem(call("POST", "/api/identity/users", councilAdmin,
                        newUser("new." + role.toLowerCase().replace('_', '-'), null, List.of("KEY_WORKER", role),
                                NEW_PASSWORD)), 403, "role-not-grantable");
            }
            // A null role is bad input, not a role nobody may give (and never a 500).
            for (String body : List.of("{\"roles\":[null]}", "{\"roles\":[\"KEY_WORKER\",null]}")) {
                ResponseEntity<String> nullRole = call("PUT", "/api/identity/users/kw.council/roles", councilAdmin, body);
                assertProblem(nullRole, 400, "validation-failed");
                assertThat(json(nullRole).get("errors").findValuesAsString("field")).singleElement().asString()
                        .startsWith("roles");
            }
            assertProblem(call("POST", "/api/identity/users", councilAdmin, "{\"username\":\"nul.role\",\"displayName\":"
                    + "\"N\",\"roles\":[null],\"password\":\"" + NEW_PASSWORD + "\"}"), 400, "validation-failed");
            assertThat(json(call("GET", "/api/identity/users/kw.council", councilAdmin, null)).get("roles").toString())
                    .isEqualTo("[\"KEY_WORKER\"]");
        }

        @Test
        void cannotTakeOverTheFederationAdminTheAttackOfIssue15() {
            // Legacy placement (same agency): refused by role, 403, audited, the account untouched.
            assertProblem(call("POST", "/api/identity/users/legacy.fed/password", councilAdmin,
                    Map.of("password", NEW_PASSWORD)), 403, "account-not-administrable");
            assertProblem(call("POST", "/api/identity/users/legacy.fed/totp/reset", councilAdmin, null), 403,
                    "account-not-administrable");
            assertThat(lastAudit("user.password", "legacy.fed").get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(lastAudit("user.totp-reset", "legacy.fed").get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(identity.login("legacy.fed", NEW_PASSWORD).getStatusCode().value()).isEqualTo(401);
            // In the hub: not the agency admin's organisation, answered like a missing account (and audited).
            ResponseEntity<String> hub = call("POST", "/api/identity/users/fed.admin/password", councilAdmin,
                    Map.of("password", NEW_PASSWORD));
            assertProblem(hub, 404, "user-not-found");
            assertThat(AdminApiTest.sameAnswer(hub)).isEqualTo(AdminApiTest.sameAnswer(call("POST",
                    "/api/identity/users/no.such.user/password", councilAdmin, Map.of("password", NEW_PASSWORD))));
            assertProblem(call("POST", "/api/identity/users/fed.admin/totp/reset", councilAdmin, null), 404, "user-not-found");
            assertThat(lastAudit("user.totp-reset", null).get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(identity.login("fed.admin", PASSWORD).getStatusCode().value()).isEqualTo(200);
            assertProblem(call("GET", "/api/identity/users?agency=hub", councilAdmin, null), 403, "forbidden-agency");
            assertProblem(call("POST", "/api/identity/users", councilAdmin,
                    newUser("hub.intruder", "hub", List.of("KEY_WORKER"), NEW_PASSWORD)), 403, "forbidden-agency");
        }
    }

    @Nested
    class AFederationAdministrator {

        @Test
        void administersDposAndAgencyAdminsAndGivesThoseRoles() {
            user("dpo.police", "police", Role.DPO);
            user("admin.police", "police", Role.AGENCY_ADMIN);
            user("kw.police", "police", Role.KEY_WORKER);
            assertThat(call("POST", "/api/identity/users/dpo.police/password", fedAdmin, Map.of("password", NEW_PASSWORD))
                    .getStatusCode().value()).isEqualTo(204);
            assertThat(call("POST", "/api/identity/users/admin.police/totp/reset", fedAdmin, null).getStatusCode().value())
                    .isEqualTo(204);
            assertThat(json(call("PUT", "/api/identity/users/kw.police/roles/DPO", fedAdmin, null)).get("roles")
                    .valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("KEY_WORKER", "DPO");
            assertThat(call("POST", "/api/identity/users", fedAdmin,
                    newUser("admin2.police", "police", List.of("AGENCY_ADMIN"), NEW_PASSWORD)).getStatusCode().value())
                    .isEqualTo(201);
        }

        @Test
        void administersAnotherFederationAdminButNeverItself() {
            assertThat(call("POST", "/api/identity/users/fed.other/totp/reset", fedAdmin, null).getStatusCode().value())
                    .isEqualTo(204);
            assertProblem(call("POST", "/api/identity/users/fed.admin/disable", fedAdmin, null), 409, "own-account");
            assertThat(json(call("GET", "/api/identity/users?agency=hub", fedAdmin, null)).findValuesAsString("username"))
                    .contains("fed.admin", "fed.other").doesNotContain("admin.council");
        }

        @Test
        void keepsFederationAdminsInTheHubAndOnlyThemThere() {
            assertThat(call("POST", "/api/identity/users", fedAdmin,
                    newUser("fed.third", "hub", List.of("FEDERATION_ADMIN"), NEW_PASSWORD)).getStatusCode().value())
                    .isEqualTo(201);
            for (var wrong : List.of(newUser("fed.council", "council", List.of("FEDERATION_ADMIN"), NEW_PASSWORD),
                    newUser("kw.hub", "hub", List.of("KEY_WORKER"), NEW_PASSWORD),
                    newUser("mixed.hub", "hub", List.of("FEDERATION_ADMIN", "DPO"), NEW_PASSWORD))) {
                ResponseEntity<String> refused = call("POST", "/api/identity/users", fedAdmin, wrong);
                assertProblem(refused, 400, "validation-failed");
                assertThat(json(refused).get("errors").findValuesAsString("field")).containsExactly("roles");
            }
            user("kw.fed", "council", Role.KEY_WORKER);
            assertProblem(call("PUT", "/api/identity/users/kw.fed/roles/FEDERATION_ADMIN", fedAdmin, null), 400,
                    "validation-failed");
        }

        @Test
        void cannotRegisterTheHubAsAnAgency() {
            ResponseEntity<String> hub = identity.http().put().uri("/api/identity/agencies/hub")
                    .header("Authorization", "Bearer " + fedAdmin).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"Hub\",\"grpcTarget\":\"evil.example:443\",\"status\":\"ACTIVE\"}")
                    .retrieve().toEntity(String.class);
            assertProblem(hub, 400, "validation-failed");
            assertThat(json(hub).get("errors").findValuesAsString("field")).containsExactly("id");
            assertProblem(identity.http().get().uri("/api/identity/agencies/hub").retrieve().toEntity(String.class), 404,
                    "agency-not-found");
        }
    }

}
