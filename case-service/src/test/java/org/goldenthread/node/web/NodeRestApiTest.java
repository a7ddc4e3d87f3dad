package org.goldenthread.node.web;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.audit.AuditEvent;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class NodeRestApiTest {

    static final String TOM = """
            {"familyName":"Hale","givenName":"Tom","dateOfBirth":"2006-05-01","nhsNumber":"943 476 5919",
             "postcode":"LS6 2AB","previousNames":["Smith"]}""";

    @TempDir
    static Path data;
    static TestNode node;
    static String officer;

    @BeforeAll
    static void boot() {
        node = new TestNode(data);
        officer = node.issuers.userToken(TestNode.AGENCY, "Pat Officer", "KEY_WORKER");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static void assertProblem(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"code\":\"" + code + "\"").doesNotContain("Exception");
    }

    @Nested
    class WhoMayCall {

        @Test
        void refusesACallWithoutATokenAs401Problem() {
            assertProblem(node.get("/api/subjects/S1", null), 401, "unauthenticated");
        }

        @Test
        void refusesAUserOfAnotherAgencyWithWrongAgency() {
            String housingOfficer = node.issuers.userToken("housing", "Hana Housing", "KEY_WORKER", "DPO");
            assertProblem(node.put("/api/subjects/S1", housingOfficer, TOM), 403, "wrong-agency");
            assertProblem(node.get("/api/audit", housingOfficer), 403, "wrong-agency");
        }

        @Test
        void keepsTheAuditLogFromKeyWorkers() {
            assertProblem(node.get("/api/audit", officer), 403, "forbidden");
        }
    }

    @Nested
    class Subjects {

        @Test
        void createsThenReplacesBySameReference() {
            var first = node.put("/api/subjects/HALE-T", officer, TOM);
            var second = node.put("/api/subjects/HALE-T", officer, TOM.replace("LS6 2AB", "LS6 3BB"));
            assertThat(first.getStatusCode().value()).isEqualTo(201);
            assertThat(second.getStatusCode().value()).isEqualTo(200);
            String id = first.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            assertThat(first.getBody()).contains("\"ref\":\"HALE-T\"");
            assertThat(second.getBody()).contains(id);
            var read = node.get("/api/subjects/HALE-T", officer);
            assertThat(read.getStatusCode().value()).isEqualTo(200);
            assertThat(read.getBody()).contains("\"postcode\":\"LS6 3BB\"", "\"familyName\":\"Hale\"");
        }

        @Test
        void answersAnUnknownReferenceWith404Problem() {
            assertProblem(node.get("/api/subjects/NOBODY", officer), 404, "subject-not-found");
        }

        @Test
        void refusesABadNhsCheckDigitNamingTheField() {
            var answer = node.put("/api/subjects/BAD-NHS", officer, TOM.replace("943 476 5919", "943 476 5918"));
            assertProblem(answer, 400, "invalid-identifier");
            assertThat(answer.getBody()).contains("\"field\":\"nhsNumber\"").doesNotContain("9434765918");
        }

        @Test
        void refusesAnImpossibleDateOfBirthNamingTheField() {
            var answer = node.put("/api/subjects/BAD-DOB", officer, TOM.replace("2006-05-01", "2006-02-30"));
            assertProblem(answer, 400, "validation-failed");
            assertThat(answer.getBody()).contains("\"field\":\"dateOfBirth\"");
        }

        @Test
        void treatsAnOperatorObjectAsAMalformedBodyAndAnOperatorStringAsAName() {
            var operator = node.put("/api/subjects/ODD-1", officer, TOM.replace("\"Hale\"", "{\"$gt\":\"\"}"));
            assertProblem(operator, 400, "malformed-body");
            var strange = node.put("/api/subjects/ODD-2", officer, TOM.replace("\"Hale\"", "\"$gt\""));
            assertThat(strange.getStatusCode().value()).isEqualTo(201);
            assertThat(node.get("/api/subjects/ODD-2", officer).getBody()).contains("\"familyName\":\"$gt\"");
        }

        @Test
        void refusesAReferenceThatIsNotAPlainValue() {
            assertProblem(node.put("/api/subjects/a$b", officer, TOM), 400, "validation-failed");
        }
    }

    @Nested
    class Cases {

        static final String CASE = """
                {"subjectRef":"CASE-SUBJ","caseType":"offender-management","category":"CRIME","status":"OPEN",
                 "openedAt":"2026-01-10T09:00:00Z","leadWorker":"PC Jones","team":"IOM","contact":"iom@police.example",
                 "rag":"RED","needs":["crime"]}""";

        @Test
        void savesACaseWithEventsAndActions() {
            node.put("/api/subjects/CASE-SUBJ", officer, TOM);
            assertThat(node.put("/api/cases/C-1", officer, CASE).getStatusCode().value()).isEqualTo(201);
            assertThat(node.put("/api/cases/C-1", officer, CASE.replace("RED", "AMBER")
                    .replace("\"needs\"", "\"ragReason\":\"calmer\",\"needs\"")).getStatusCode().value()).isEqualTo(200);
            var event = node.put("/api/cases/C-1/events/E-1", officer,
                    "{\"kind\":\"INCIDENT\",\"category\":\"CRIME\",\"occurredAt\":\"2026-01-11T22:00:00Z\",\"summary\":\"Disturbance\"}");
            assertThat(event.getStatusCode().value()).isEqualTo(201);
            var action = node.put("/api/cases/C-1/actions/A-1", officer,
                    "{\"description\":\"Refer to housing\",\"ownerAgency\":\"housing\",\"dueDate\":\"2026-12-01\",\"status\":\"OPEN\"}");
            assertThat(action.getStatusCode().value()).isEqualTo(201);
        }

        @Test
        void refusesAnUnknownSubjectReference() {
            var answer = node.put("/api/cases/C-2", officer, CASE.replace("CASE-SUBJ", "NO-SUCH-SUBJ"));
            assertProblem(answer, 400, "unknown-subject");
            assertThat(answer.getBody()).contains("\"field\":\"subjectRef\"");
        }

        @Test
        void refusesAnUnknownCategoryNamingTheField() {
            node.put("/api/subjects/CASE-SUBJ", officer, TOM);
            var answer = node.put("/api/cases/C-3", officer, CASE.replace("\"CRIME\"", "\"GOSSIP\""));
            assertProblem(answer, 400, "validation-failed");
            assertThat(answer.getBody()).contains("\"field\":\"category\"");
        }

        @Test
        void refusesAnOversizedSummaryAndAnUnknownKind() {
            node.put("/api/subjects/CASE-SUBJ", officer, TOM);
            node.put("/api/cases/C-4", officer, CASE);
            var oversized = node.put("/api/cases/C-4/events/E-9", officer,
                    "{\"kind\":\"NOTE\",\"category\":\"CRIME\",\"occurredAt\":\"2026-01-11T22:00:00Z\",\"summary\":\""
                            + "x".repeat(4001) + "\"}");
            assertProblem(oversized, 400, "validation-failed");
            assertThat(oversized.getBody()).contains("\"field\":\"summary\"");
            var kind = node.put("/api/cases/C-4/events/E-9", officer,
                    "{\"kind\":\"RUMOUR\",\"category\":\"CRIME\",\"occurredAt\":\"2026-01-11T22:00:00Z\",\"summary\":\"s\"}");
            assertThat(kind.getBody()).contains("\"field\":\"kind\"");
        }

        @Test
        void answersAnEventForAnUnknownCaseWith404() {
            assertProblem(node.put("/api/cases/NO-CASE/events/E-1", officer,
                    "{\"kind\":\"NOTE\",\"category\":\"CRIME\",\"occurredAt\":\"2026-01-11\",\"summary\":\"s\"}"),
                    404, "case-not-found");
        }
    }

    @Nested
    class AuditChain {

        @Test
        void verifiesTheChainAndNamesATamperedEntry() {
            AuditLog log = node.bean(AuditLog.class);
            for (int i = 0; i < 3; i++) {
                log.append(new AuditEvent("GetSubjectRecord", AuditOutcome.RELEASED, "grant-" + i, "pat", "council",
                        "CASE_MANAGEMENT", "CONSENT", List.of("CRIME"), List.of("r" + i), "", "req-" + i, "digest",
                        List.of("NHS:k1:h" + i), List.of("person-" + i), "EXACT", ""));
            }
            String dpo = node.issuers.userToken(TestNode.AGENCY, "Dee Pio", "DPO");
            var listing = node.get("/api/audit", dpo);
            assertThat(listing.getStatusCode().value()).isEqualTo(200);
            assertThat(listing.getBody()).contains("\"sequence\":1", "\"grantId\":\"grant-2\"", "\"prevHash\":\"0000",
                    "\"tokenHashes\":[\"NHS:k1:h2\"]", "\"personIds\":[\"person-2\"]", "\"match\":\"EXACT\"");
            assertThat(node.get("/api/audit/verify", dpo).getBody()).isEqualTo("{\"valid\":true,\"entries\":3}");

            node.database().getCollection("audit").updateOne(eq("sequence", 2L), set("requester", "mallory"));

            assertThat(node.get("/api/audit/verify", dpo).getBody())
                    .isEqualTo("{\"valid\":false,\"firstBrokenSequence\":2,\"entries\":3}");
        }
    }
}
