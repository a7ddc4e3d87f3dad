package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.consent.isa.IsaStore;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Information sharing agreements over real HTTP: managed by the source's admins, giving PUBLIC_TASK permits. */
class SharingAgreementsTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;
    static String housingAdmin;
    static String councilAdmin;
    static String police;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data);
        http = service.http;
        housingAdmin = service.identity.token("admin.housing", "housing", "AGENCY_ADMIN");
        councilAdmin = service.identity.token("admin.council", "council", "AGENCY_ADMIN");
        police = service.police;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static Map<String, Object> isa(List<String> recipients, List<String> purposes, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Locality partnership ISA");
        body.put("recipients", recipients);
        body.put("purposes", purposes);
        body.put("categories", categories);
        body.put("period", Map.of("start", "2026-01-01T00:00:00Z"));
        body.put("signOff", Map.of("by", "J. Smith", "role", "SIRO", "at", "2025-12-15T00:00:00Z"));
        return body;
    }

    static String created(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return (String) answer.json().get("id");
    }

    /** The housing association shares known-to flags with partners for coordination. */
    @Nested
    class InForce {

        @Test
        void permitsUnderPublicTaskWithoutConsentAndOnlyWhatItNames() {
            String id = created(http.post("/api/consents/isas", housingAdmin,
                    Http.json(isa(List.of("police", "council"), List.of("COORDINATION"), List.of("INVOLVEMENT")))));
            List<LinkageToken> tokens = service.tokensOf("9434765846");

            var answer = http.post("/decisions", police, decisionBody(tokens, "COORDINATION",
                    List.of("housing", "mentalhealth"), List.of()));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("{\"agency\":\"housing\",\"outcome\":\"PERMIT\",\"categories\":"
                    + "[\"INVOLVEMENT\"],\"basis\":\"PUBLIC_TASK\",\"recordId\":\"" + id + "\",\"grant\":\"");
            assertThat(answer.body()).contains("no consent or sharing agreement covers mentalhealth sharing with "
                    + "police for COORDINATION");
            assertThat(RunningConsentService.grantOf(answer.json(), "housing")).isNotNull();
            assertThat(RunningConsentService.grantOf(answer.json(), "mentalhealth")).isNull();
        }

        @Test
        void emptyCategoryListNeverReachesSpecialCategoryData() {
            String id = created(http.post("/api/consents/isas", councilAdmin,
                    Http.json(isa(List.of("police"), List.of("SAFEGUARDING"), List.of()))));
            List<LinkageToken> tokens = service.tokensOf("9434765854");

            var read = http.get("/api/consents/isas/" + id, police);
            var answer = http.post("/decisions", police, decisionBody(tokens, "SAFEGUARDING", List.of("council"),
                    List.of("HEALTH_MENTAL", "CRIME")));

            assertThat(read.json().get("categoriesShared").toString()).contains("CRIME")
                    .doesNotContain("HEALTH", "SUBSTANCE_MISUSE");
            assertThat(answer.body()).contains("\"categories\":[\"CRIME\"],\"basis\":\"PUBLIC_TASK\"");
        }

        @Test
        void terminationBindsTheNextDecisionAndRevisionsKeepHistory() {
            String id = created(http.post("/api/consents/isas", housingAdmin,
                    Http.json(isa(List.of("police"), List.of("EARLY_HELP_ASSESSMENT"), List.of("HOUSING")))));
            List<LinkageToken> tokens = service.tokensOf("9434765862");
            String ask = decisionBody(tokens, "EARLY_HELP_ASSESSMENT", List.of("housing"), List.of());

            var revised = http.put("/api/consents/isas/" + id, housingAdmin, Http.json(
                    isa(List.of("police"), List.of("EARLY_HELP_ASSESSMENT"), List.of("HOUSING", "ASB"))));
            var before = http.post("/decisions", police, ask);
            var ended = http.post("/api/consents/isas/" + id + "/termination", housingAdmin,
                    "{\"reason\":\"agreement replaced\"}");
            var after = http.post("/decisions", police, ask);

            assertThat(revised.json()).containsEntry("revision", 2);
            assertThat(before.body()).contains("\"categories\":[\"HOUSING\",\"ASB\"]");
            assertThat(ended.json()).containsEntry("status", "TERMINATED").containsEntry("revision", 3);
            assertThat(ended.json().get("history").toString()).contains("revision=1", "revision=2");
            assertThat(after.body()).contains("\"outcome\":\"DENY\"").doesNotContain("PUBLIC_TASK");
            assertProblem(http.post("/api/consents/isas/" + id + "/termination", housingAdmin,
                    "{\"reason\":\"again\"}"), 409, "isa-not-active");
        }

        @Test
        void anotherInstanceSharingTheDatabaseSeesATerminationAtItsNextDecision() {
            // A second replica of the service: its own agreement snapshot, the same database.
            IsaStore otherInstance = new IsaStore(service.context.getBean(MongoDatabase.class));
            String id = created(http.post("/api/consents/isas", councilAdmin,
                    Http.json(isa(List.of("housing"), List.of("EMPLOYMENT_SUPPORT"), List.of("EMPLOYMENT")))));
            boolean activeBefore = inForce(otherInstance, id);

            http.post("/api/consents/isas/" + id + "/termination", councilAdmin, "{\"reason\":\"ended\"}");

            assertThat(activeBefore).isTrue();
            assertThat(inForce(otherInstance, id)).isFalse();
        }

        private static boolean inForce(IsaStore store, String id) {
            return store.findBySources(List.of("council")).stream()
                    .anyMatch(isa -> isa.id().equals(id) && isa.inForceAt(Instant.now()));
        }
    }

    /** Who may do what with an agreement. */
    @Nested
    class CallerNotAllowed {

        @Test
        void onlyAgencyAdminsWriteAndOnlyTheirOwnAgencysAgreements() {
            String id = created(http.post("/api/consents/isas", housingAdmin,
                    Http.json(isa(List.of("council"), List.of("COORDINATION"), List.of()))));

            assertProblem(http.post("/api/consents/isas", police,
                    Http.json(isa(List.of("council"), List.of("COORDINATION"), List.of()))), 403, "forbidden");
            assertProblem(http.post("/api/consents/isas/" + id + "/termination", councilAdmin,
                    "{\"reason\":\"not ours\"}"), 403, "not-source-agency");
            assertProblem(http.get("/api/consents/isas/" + id, police), 404, "isa-not-found");
            assertThat(http.get("/api/consents/isas", councilAdmin).body()).contains(id);
            assertThat(http.get("/api/consents/isas", police).body()).doesNotContain(id);
        }
    }

    /** Bad agreements are 400 problems naming the field. */
    @Nested
    class BadInput {

        @Test
        void refusesUnknownTermsBackwardPeriodsMissingSignOffAndOversizedLists() {
            var unknown = http.post("/api/consents/isas", housingAdmin,
                    Http.json(isa(List.of("police"), List.of("GOSSIP"), List.of())));
            assertProblem(unknown, 400, "unknown-purpose");
            assertThat(unknown.body()).contains("\"field\":\"purposes[0]\"");

            Map<String, Object> backwards = isa(List.of("police"), List.of("COORDINATION"), List.of());
            backwards.put("period", Map.of("start", "2026-01-01T00:00:00Z", "end", "2025-01-01T00:00:00Z"));
            assertThat(http.post("/api/consents/isas", housingAdmin, Http.json(backwards)).body())
                    .contains("\"field\":\"period.end\"");

            Map<String, Object> unsigned = isa(List.of("police"), List.of("COORDINATION"), List.of());
            unsigned.remove("signOff");
            var noSignOff = http.post("/api/consents/isas", housingAdmin, Http.json(unsigned));
            assertProblem(noSignOff, 400, "validation-failed");
            assertThat(noSignOff.body()).contains("\"field\":\"signOff\"");

            var tooMany = http.post("/api/consents/isas", housingAdmin, Http.json(isa(
                    java.util.stream.IntStream.range(0, 31).mapToObj(i -> "agency" + i).toList(),
                    List.of("COORDINATION"), List.of())));
            assertProblem(tooMany, 400, "validation-failed");
            assertThat(tooMany.body()).contains("\"field\":\"recipients\"");
        }
    }
}
