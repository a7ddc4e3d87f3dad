package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.identity.web.LoginEndpointTest.assertProblem;
import static org.goldenthread.identity.web.LoginEndpointTest.json;

import java.nio.file.Path;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AgencyRegistryEndpointTest {

    static final String PASSWORD = "registry keeper of the north";
    static final String POLICE = "{\"id\":\"police\",\"name\":\"Northshire Police\",\"grpcTarget\":\"127.0.0.1:9092\","
            + "\"restUrl\":\"http://127.0.0.1:8092\",\"certificateFingerprint\":null,"
            + "\"categories\":[\"CRIME\",\"DOMESTIC_ABUSE\"],\"status\":\"ACTIVE\","
            + "\"sensitiveCategories\":[],\"involvementReveals\":[]}";

    @TempDir
    static Path data;
    static RunningIdentity identity;
    static String admin;
    static String keyWorker;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
        identity.user("fed.admin", "hub", Role.FEDERATION_ADMIN, PASSWORD);
        identity.user("kw.police", "police", Role.KEY_WORKER, PASSWORD);
        admin = identity.token("fed.admin", PASSWORD);
        keyWorker = identity.token("kw.police", PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static ResponseEntity<String> put(String id, String body, String token) {
        var request = identity.http().put().uri("/api/identity/agencies/{id}", id)
                .contentType(MediaType.APPLICATION_JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.retrieve().toEntity(String.class);
    }

    static ResponseEntity<String> get(String path) {
        return identity.http().get().uri(path).retrieve().toEntity(String.class);
    }

    @Nested
    class AsFederationAdmin {

        @Test
        void registersAnAgencyAndListsItWithoutAUser() {
            ResponseEntity<String> answer = put("police", POLICE, admin);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getBody()).isEqualTo(POLICE);
            assertThat(get("/api/identity/agencies/police").getBody()).isEqualTo(POLICE);
            assertThat(get("/api/identity/agencies").getBody()).contains(POLICE);
        }

        @Test
        void replacesAnEarlierRegistration() {
            put("housing", "{\"name\":\"Northshire Homes\",\"categories\":[\"housing\",\"ASB\"],\"status\":\"ACTIVE\"}", admin);
            ResponseEntity<String> answer = put("housing",
                    "{\"name\":\"Northshire Homes\",\"categories\":[\"HOUSING\"],\"status\":\"SUSPENDED\"}", admin);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(identity.bean(AgencyRegistry.class).find("housing")).hasValueSatisfying(a -> {
                assertThat(a.status().name()).isEqualTo("SUSPENDED");
                assertThat(a.categories()).containsExactly("HOUSING");
            });
            assertThat(json(get("/api/identity/agencies")).findValuesAsString("id")).containsOnlyOnce("housing");
        }

        @Test
        void keepsWhatAnAgencyMarksSensitiveAndWhatItsInvolvementRevealsThroughAStatusChange() {
            String trust = "{\"name\":\"Northshire Mental Health Trust\",\"categories\":[\"HEALTH_MENTAL\",\"INVOLVEMENT\"],"
                    + "\"status\":\"ACTIVE\",\"sensitiveCategories\":[\"housing\"],\"involvementReveals\":[\"HEALTH_MENTAL\"]}";
            assertThat(put("mentalhealth", trust, admin).getStatusCode().value()).isEqualTo(200);
            identity.http().put().uri("/api/identity/agencies/mentalhealth/status").header("Authorization", "Bearer " + admin)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"SUSPENDED\"}").retrieve().toEntity(String.class);
            var stored = json(get("/api/identity/agencies/mentalhealth"));
            assertThat(stored.get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(stored.get("sensitiveCategories").toString()).isEqualTo("[\"HOUSING\"]");
            assertThat(stored.get("involvementReveals").toString()).isEqualTo("[\"HEALTH_MENTAL\"]");
            assertProblem(put("mentalhealth", trust.replace("[\"HEALTH_MENTAL\"]}", "[\"RUMOUR\"]}"), admin), 400,
                    "unknown-data-category");
        }

        @Test
        void refusesACategoryOutsideTheVocabulary() {
            assertProblem(put("council", "{\"name\":\"Council\",\"categories\":[\"GOSSIP\"],\"status\":\"ACTIVE\"}", admin),
                    400, "unknown-data-category");
        }

        @Test
        void namesTheFieldThatBreaksARule() {
            ResponseEntity<String> badId = put("Police!", POLICE.replace("\"police\"", "\"Police!\""), admin);
            assertProblem(badId, 400, "validation-failed");
            assertThat(json(badId).get("errors").findValuesAsString("field")).containsExactly("id");

            ResponseEntity<String> otherId = put("police", POLICE.replace("\"police\"", "\"housing\""), admin);
            assertThat(json(otherId).get("errors").findValuesAsString("field")).containsExactly("id");

            ResponseEntity<String> badStatus = put("council", "{\"name\":\"Council\",\"status\":\"DELETED\"}", admin);
            assertProblem(badStatus, 400, "validation-failed");
            assertThat(json(badStatus).get("errors").findValuesAsString("field")).containsExactly("status");

            ResponseEntity<String> badUrl = put("council",
                    "{\"name\":\"Council\",\"restUrl\":\"file:///etc/passwd\",\"status\":\"ACTIVE\"}", admin);
            assertThat(json(badUrl).get("errors").findValuesAsString("field")).containsExactly("restUrl");

            ResponseEntity<String> noName = put("council", "{\"status\":\"ACTIVE\"}", admin);
            assertThat(json(noName).get("errors").findValuesAsString("field")).containsExactly("name");
            assertThat(identity.bean(AgencyRegistry.class).find("council")).isEmpty();
        }
    }

    @Nested
    class WithoutTheRole {

        @Test
        void refusesAKeyWorker() {
            assertProblem(put("police", POLICE, keyWorker), 403, "forbidden");
        }

        @Test
        void refusesAnAnonymousCaller() {
            assertProblem(put("police", POLICE, null), 401, "unauthenticated");
        }
    }

    @Nested
    class Reading {

        @Test
        void answersNotFoundForAnUnknownAgency() {
            assertProblem(get("/api/identity/agencies/nowhere"), 404, "agency-not-found");
        }

        @Test
        void offersTheSameRegistryToJavaCallers() {
            Agency mh = new Agency("mentalhealth", "Northshire Mental Health Trust", "127.0.0.1:9094", null,
                    "ab".repeat(32), java.util.List.of("HEALTH_MENTAL"), org.goldenthread.identity.agency.AgencyStatus.ACTIVE);
            identity.bean(AgencyRegistry.class).register(mh);
            assertThat(get("/api/identity/agencies/mentalhealth").getBody()).contains("\"certificateFingerprint\":\"" + "ab".repeat(32) + "\"");
            assertThat(identity.bean(AgencyRegistry.class).all()).contains(mh);
        }
    }

    @Nested
    class SuspendingAnAgency {

        static ResponseEntity<String> status(String id, String status, String token) {
            return identity.http().put().uri("/api/identity/agencies/{id}/status", id)
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"" + status + "\"}")
                    .retrieve().toEntity(String.class);
        }

        @Test
        void suspendsAndReactivatesKeepingTheRegistrationAndAuditsBoth() {
            assertThat(put("housing", POLICE.replace("police", "housing"), admin).getStatusCode().value()).isEqualTo(200);
            ResponseEntity<String> suspended = status("housing", "SUSPENDED", admin);
            assertThat(suspended.getStatusCode().value()).isEqualTo(200);
            assertThat(json(get("/api/identity/agencies/housing")).get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(json(get("/api/identity/agencies/housing")).get("grpcTarget").asString()).isEqualTo("127.0.0.1:9092");
            assertThat(status("housing", "ACTIVE", admin).getStatusCode().value()).isEqualTo(200);

            String trail = identity.http().get().uri("/api/identity/admin-audit")
                    .header("Authorization", "Bearer " + admin).retrieve().body(String.class);
            assertThat(trail).contains("\"action\":\"agency.suspend\"", "\"action\":\"agency.activate\"",
                    "\"target\":\"housing\"", "\"actor\":\"fed.admin\"");
        }

        @Test
        void refusesAnUnknownAgencyAnUnknownStatusAndOtherRoles() {
            assertProblem(status("no-such-agency", "SUSPENDED", admin), 404, "agency-not-found");
            assertProblem(status("police", "PAUSED", admin), 400, "validation-failed");
            assertProblem(status("police", "SUSPENDED", keyWorker), 403, "forbidden");
        }
    }
}
