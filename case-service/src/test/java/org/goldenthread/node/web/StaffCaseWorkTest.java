package org.goldenthread.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.goldenthread.node.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The agency's own case work beyond saving records: search, caseload, RAG history rules. */
class StaffCaseWorkTest {

    @TempDir
    static Path data;
    static TestNode node;
    static String officer;

    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data);
        officer = node.issuers.userToken(TestNode.AGENCY, "Pat Officer", "KEY_WORKER");
        subject("S-TOM", "Hale", "Tom", "2006-05-01", "9434765919", "[\"Smith\"]");
        subject("S-KAREN", "Hale", "Karen", "1981-06-02", "4010232137", "[]");
        subject("S-THOMAS", "Hales", "Thomas", "2006-05-01", null, "[]");
        subject("S-OTHER", "Jones", "Tom", "1990-01-01", null, "[]");
        for (int i = 0; i < 25; i++) {
            subject("S-MANY-" + i, "Bloggs", "Joe" + (char) ('a' + i), "1970-01-01", null, "[]");
        }
        put("/api/cases/C-1", caseJson("S-TOM", "Pat Officer", "AMBER", "OPEN", null));
        put("/api/cases/C-2", caseJson("S-KAREN", "Pat Officer", "RED", "OPEN", null));
        put("/api/cases/C-3", caseJson("S-OTHER", "Pat Officer", "GREEN", "CLOSED", null));
        put("/api/cases/C-4", caseJson("S-OTHER", "Sam Other", "GREEN", "OPEN", null));
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        put("/api/cases/C-1/actions/A-LATE", "{\"description\":\"Overdue visit\",\"ownerAgency\":\"police\",\"dueDate\":\""
                + yesterday + "\",\"status\":\"OPEN\"}");
        put("/api/cases/C-1/actions/A-DONE", "{\"description\":\"Done visit\",\"ownerAgency\":\"police\",\"dueDate\":\""
                + yesterday + "\",\"status\":\"DONE\"}");
        put("/api/cases/C-1/actions/A-LATER", "{\"description\":\"Future visit\",\"ownerAgency\":\"police\",\"dueDate\":\"2999-01-01\",\"status\":\"OPEN\"}");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static void subject(String ref, String family, String given, String dob, String nhs, String previous) {
        put("/api/subjects/" + ref, "{\"familyName\":\"" + family + "\",\"givenName\":\"" + given + "\",\"dateOfBirth\":\"" + dob
                + "\"" + (nhs == null ? "" : ",\"nhsNumber\":\"" + nhs + "\"") + ",\"previousNames\":" + previous + "}");
    }

    static String caseJson(String subjectRef, String worker, String rag, String status, String reason) {
        return "{\"subjectRef\":\"" + subjectRef + "\",\"caseType\":\"offender\",\"category\":\"CRIME\",\"status\":\"" + status
                + "\",\"openedAt\":\"2026-01-10\",\"leadWorker\":\"" + worker + "\",\"rag\":\"" + rag + "\""
                + (reason == null ? "" : ",\"ragReason\":\"" + reason + "\"") + "}";
    }

    static void put(String path, String json) {
        assertThat(node.put(path, officer, json).getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }

    static ResponseEntity<String> get(String path) {
        return node.get(path, officer);
    }

    static void assertProblem(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"code\":\"" + code + "\"");
    }

    @Nested
    class Search {

        @Test
        void findsAMisspeltNameBestMatchFirst() {
            String body = get("/api/subjects?name=Tom Hail").getBody();
            assertThat(body).contains("\"ref\":\"S-TOM\"").doesNotContain("S-OTHER", "S-KAREN");
            assertThat(body.indexOf("S-TOM")).isLessThan(body.indexOf("S-THOMAS") < 0 ? Integer.MAX_VALUE : body.indexOf("S-THOMAS"));
        }

        @Test
        void findsByAPreviousFamilyName() {
            assertThat(get("/api/subjects?name=Smyth").getBody()).contains("\"ref\":\"S-TOM\"");
        }

        @Test
        void narrowsANameByDateOfBirth() {
            String body = get("/api/subjects?name=Hale&dateOfBirth=1981-06-02").getBody();
            assertThat(body).contains("S-KAREN").doesNotContain("S-TOM").contains("\"total\":1");
        }

        @Test
        void findsByIdentifierWrittenWithSpaces() {
            assertThat(get("/api/subjects?identifier=943 476 5919").getBody()).contains("S-TOM").contains("\"total\":1");
        }

        @Test
        void pagesTheResults() {
            String first = get("/api/subjects?name=Bloggs&size=10").getBody();
            String third = get("/api/subjects?name=Bloggs&size=10&page=2").getBody();
            assertThat(first).contains("\"total\":25", "\"size\":10");
            assertThat(third.split("\"ref\"")).hasSize(6);
        }

        @Test
        void treatsAnOperatorAsAStrangeName() {
            var answer = node.http.get().uri("/api/subjects?name={name}", "{\"$gt\":\"\"}")
                    .header("Authorization", "Bearer " + officer).retrieve().toEntity(String.class);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getBody()).contains("\"total\":0");
        }

        @Test
        void refusesASearchWithoutCriteriaOrWithBadValues() {
            assertProblem(get("/api/subjects"), 400, "search-criteria-required");
            assertProblem(get("/api/subjects?dateOfBirth=2001-02-30"), 400, "validation-failed");
            assertProblem(get("/api/subjects?name=Hale&size=1000"), 400, "validation-failed");
        }
    }

    @Nested
    class Caseloads {

        @Test
        void listsTheCallersOpenCasesMostUrgentFirstWithOverdueActions() {
            String body = get("/api/caseload").getBody();
            assertThat(body).contains("\"worker\":\"Pat Officer\"").doesNotContain("C-3", "C-4");
            assertThat(body.indexOf("\"C-2\"")).isLessThan(body.indexOf("\"C-1\""));
            assertThat(body).contains("Overdue visit").doesNotContain("Done visit", "Future visit");
        }

        @Test
        void listsANamedWorkersCaseload() {
            assertThat(get("/api/caseload?worker=Sam Other").getBody()).contains("\"C-4\"").doesNotContain("\"C-1\"");
        }
    }

    @Nested
    class RagHistory {

        @Test
        void refusesAChangeOfRatingWithoutAReason() {
            put("/api/cases/C-RAG", caseJson("S-KAREN", "Pat Officer", "GREEN", "OPEN", null));
            var answer = node.put("/api/cases/C-RAG", officer, caseJson("S-KAREN", "Pat Officer", "RED", "OPEN", null));
            assertProblem(answer, 400, "rag-reason-required");
            assertThat(answer.getBody()).contains("ragReason");
            put("/api/cases/C-RAG", caseJson("S-KAREN", "Pat Officer", "RED", "OPEN", "Missed two appointments"));
            put("/api/cases/C-RAG", caseJson("S-KAREN", "Pat Officer", "RED", "OPEN", null));
        }
    }

    @Nested
    class PersonDetails {

        static final String WITH_DETAILS = """
                {"familyName":"Reid","givenName":"Ann","dateOfBirth":"1975-03-03","gender":"female",
                 "addresses":[{"line":"1 Old Road","postcode":"LS1 1AA","from":"2010-01-01","to":"2019-12-31"},
                              {"line":"2 New Road","postcode":"LS2 2BB","from":"2020-01-01"}],
                 "contacts":[{"kind":"PHONE","value":"01632 960001"}]}""";

        @Test
        void recordsGenderAddressesWithPeriodsAndContacts() {
            put("/api/subjects/S-ANN", WITH_DETAILS);
            assertThat(get("/api/subjects/S-ANN").getBody()).contains("\"gender\":\"FEMALE\"",
                    "{\"line\":\"1 Old Road\",\"postcode\":\"LS1 1AA\",\"from\":\"2010-01-01\",\"to\":\"2019-12-31\"}",
                    "\"to\":null", "{\"kind\":\"PHONE\",\"value\":\"01632 960001\"}");
        }

        @Test
        void refusesAnAddressPeriodEndingBeforeItStartsAndAnUnknownContactKind() {
            var backwards = node.put("/api/subjects/S-BAD", officer, WITH_DETAILS.replace("2019-12-31", "2009-12-31"));
            assertProblem(backwards, 400, "validation-failed");
            assertThat(backwards.getBody()).contains("addresses[0].to");
            var pigeon = node.put("/api/subjects/S-BAD", officer, WITH_DETAILS.replace("PHONE", "PIGEON"));
            assertProblem(pigeon, 400, "validation-failed");
            assertThat(pigeon.getBody()).contains("contacts[0].kind");
        }
    }
}
