package org.goldenthread.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.goldenthread.node.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Households over REST on the production wiring: members, relationships, periods, validation. */
class HouseholdsTest {

    @TempDir
    static Path data;
    static TestNode node;
    static String officer;

    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data);
        officer = node.issuers.userToken(TestNode.AGENCY, "Pat Officer", "KEY_WORKER");
        for (String ref : new String[] {"S-MUM", "S-KID", "S-GRAN", "S-ALONE"}) {
            assertThat(node.put("/api/subjects/" + ref, officer, "{\"familyName\":\"Hale\",\"givenName\":\"" + ref.substring(2)
                    + "\",\"dateOfBirth\":\"1990-01-01\"}").getStatusCode().value()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static ResponseEntity<String> put(String ref, String members) {
        return node.put("/api/households/" + ref, officer, "{\"members\":[" + members + "]}");
    }

    static String member(String subjectRef, String relationship, String from, String to) {
        return "{\"subjectRef\":\"" + subjectRef + "\",\"relationship\":\"" + relationship + "\",\"from\":\"" + from + "\""
                + (to == null ? "" : ",\"to\":\"" + to + "\"") + "}";
    }

    static void assertProblem(ResponseEntity<String> answer, String code, String field) {
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"code\":\"" + code + "\"").contains("\"field\":\"" + field + "\"");
    }

    @Nested
    class SavingAHousehold {

        @Test
        void storesMembersWithRelationshipsAndPeriodsAndReplacesOnASecondPut() {
            ResponseEntity<String> created = put("H-1", member("S-MUM", "PARENT", "2015-01-01", null) + ","
                    + member("S-KID", "CHILD", "2016-02-03", null) + "," + member("S-GRAN", "grandparent", "2015-01-01", "2020-12-31"));
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            assertThat(created.getBody()).contains("\"ref\":\"H-1\"");

            String household = node.get("/api/households/H-1", officer).getBody();
            assertThat(household).contains("{\"subjectRef\":\"S-MUM\",\"relationship\":\"PARENT\",\"from\":\"2015-01-01\",\"to\":null}")
                    .contains("{\"subjectRef\":\"S-GRAN\",\"relationship\":\"GRANDPARENT\",\"from\":\"2015-01-01\",\"to\":\"2020-12-31\"}")
                    .contains("\"recordedBy\":\"Pat Officer\"");

            ResponseEntity<String> replaced = put("H-1", member("S-MUM", "PARENT", "2015-01-01", null));
            assertThat(replaced.getStatusCode().value()).isEqualTo(200);
            assertThat(node.get("/api/households/H-1", officer).getBody()).doesNotContain("S-KID");
            assertThat(node.get("/api/subjects/S-KID/households", officer).getBody()).doesNotContain("H-1");
        }

        @Test
        void listsEveryHouseholdOfAPerson() {
            put("H-A", member("S-ALONE", "CARER", "2019-01-01", "2019-06-30"));
            put("H-B", member("S-ALONE", "PARTNER", "2021-01-01", null) + "," + member("S-GRAN", "OTHER", "2021-01-01", null));
            String answer = node.get("/api/subjects/S-ALONE/households", officer).getBody();
            assertThat(answer).startsWith("{\"subjectRef\":\"S-ALONE\",\"households\":[{\"ref\":\"H-A\"")
                    .contains("\"ref\":\"H-B\"").contains("\"subjectRef\":\"S-GRAN\"");
        }

        @Test
        void allowsAPersonTwiceForPeriodsThatDoNotOverlap() {
            assertThat(put("H-AGAIN", member("S-KID", "CHILD", "2010-01-01", "2012-01-01") + ","
                    + member("S-KID", "CHILD", "2015-01-01", null)).getStatusCode().value()).isEqualTo(201);
        }
    }

    @Nested
    class RefusingBadHouseholds {

        @Test
        void refusesAnUnknownSubjectNamingTheMember() {
            assertProblem(put("H-X", member("S-MUM", "PARENT", "2015-01-01", null) + "," + member("S-NOBODY", "CHILD", "2015-01-01", null)),
                    "unknown-subject", "members[1].subjectRef");
        }

        @Test
        void refusesTheSamePersonTwiceForOverlappingPeriods() {
            assertProblem(put("H-X", member("S-KID", "CHILD", "2015-01-01", null) + "," + member("S-KID", "SIBLING", "2018-01-01", "2019-01-01")),
                    "duplicate-member", "members[1].subjectRef");
        }

        @Test
        void refusesAPeriodEndingBeforeItStartsAndImpossibleDates() {
            assertProblem(put("H-X", member("S-KID", "CHILD", "2015-01-01", "2014-12-31")), "validation-failed", "members[0].to");
            assertProblem(put("H-X", member("S-KID", "CHILD", "2015-02-30", null)), "validation-failed", "members[0].from");
        }

        @Test
        void refusesAnUnknownRelationshipAndAnEmptyHousehold() {
            assertProblem(put("H-X", member("S-KID", "COUSIN", "2015-01-01", null)), "validation-failed", "members[0].relationship");
            assertThat(node.put("/api/households/H-X", officer, "{\"members\":[]}").getStatusCode().value()).isEqualTo(400);
            assertThat(node.put("/api/households/H-X", officer, "{\"members\":{\"$gt\":\"\"}}").getStatusCode().value()).isEqualTo(400);
        }

        @Test
        void answersNotFoundForUnknownHouseholdsAndSubjects() {
            assertThat(node.get("/api/households/H-NONE", officer).getBody()).contains("\"code\":\"household-not-found\"");
            assertThat(node.get("/api/subjects/S-NONE/households", officer).getBody()).contains("\"code\":\"subject-not-found\"");
        }
    }
}
