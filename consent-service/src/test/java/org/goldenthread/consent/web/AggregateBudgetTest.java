package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.assertProblem;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily budget of aggregate decisions over real HTTP, booted with the production wiring and a
 * budget of 3: every decided request counts (a DENY too), the fourth is 429 {@code aggregate-budget}
 * with the limit and the reset, another user is unaffected, and a request refused as invalid costs
 * nothing. (The day's reset is {@code DailyBudgetTest}'s, with a clock it can move.)
 */
class AggregateBudgetTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data, "--goldenthread.consent.aggregate.daily-budget=3");
        http = service.http;
        AggregateDecisionsTest.agreement(http, service.identity.token("admin.housing", "housing", "AGENCY_ADMIN"),
                "OUTCOME_EVIDENCE", List.of("HOUSING"));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static Http.Answer ask(String token, List<String> agencies, List<String> categories) {
        return http.post("/decisions/aggregate", token,
                Http.json(Map.of("purpose", "OUTCOME_EVIDENCE", "agencies", agencies, "categories", categories)));
    }

    @Test
    void refusesTheFourthQueryOfTheDayAndDecidesNothing() {
        String manager = service.identity.token("tm.budget", "council", "TEAM_MANAGER");
        assertThat(ask(manager, List.of("housing"), List.of("HOUSING")).body()).contains("\"outcome\":\"PERMIT\"");
        assertThat(ask(manager, List.of("police"), List.of("CRIME")).body()).contains("\"outcome\":\"DENY\"");
        assertThat(ask(manager, List.of("housing"), List.of("HOUSING")).status()).isEqualTo(200);

        var fourth = ask(manager, List.of("housing"), List.of("HOUSING"));

        assertProblem(fourth, 429, "aggregate-budget");
        assertThat(fourth.json()).containsEntry("limit", 3)
                .containsEntry("resetsAt", LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00:00Z");
        assertThat(fourth.json().get("detail").toString()).contains("3 times today").doesNotContain("tm.budget");
        assertThat(fourth.body()).doesNotContain("grant", "decisionId");
    }

    @Test
    void anotherUserOfTheSameAgencyStillHasTheirs() {
        String spent = service.identity.token("tm.spent", "council", "TEAM_MANAGER");
        for (int i = 0; i < 3; i++) {
            assertThat(ask(spent, List.of("housing"), List.of("HOUSING")).status()).isEqualTo(200);
        }
        assertProblem(ask(spent, List.of("housing"), List.of("HOUSING")), 429, "aggregate-budget");

        String other = service.identity.token("admin.council", "council", "AGENCY_ADMIN");
        assertThat(ask(other, List.of("housing"), List.of("HOUSING")).body()).contains("\"outcome\":\"PERMIT\"");
    }

    @Test
    void aRequestRefusedAsInvalidOrForbiddenCostsNothing() {
        String careful = service.identity.token("tm.careful", "council", "TEAM_MANAGER");
        for (int i = 0; i < 3; i++) {
            assertProblem(ask(careful, List.of("housing"), List.of()), 400, "validation-failed");
            assertProblem(http.post("/decisions/aggregate", careful, Http.json(Map.of("purpose", "CASE_MANAGEMENT",
                    "agencies", List.of("housing"), "categories", List.of("HOUSING")))), 400, "validation-failed");
        }
        assertProblem(ask(service.keyWorker, List.of("housing"), List.of("HOUSING")), 403, "forbidden");
        for (int i = 0; i < 3; i++) {
            assertThat(ask(careful, List.of("housing"), List.of("HOUSING")).status()).isEqualTo(200);
        }
        assertProblem(ask(careful, List.of("housing"), List.of("HOUSING")), 429, "aggregate-budget");
    }
}
