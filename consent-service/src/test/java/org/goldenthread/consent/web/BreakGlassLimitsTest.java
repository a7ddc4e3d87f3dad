package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily limits at their defaults (3 sessions per user, 1 per user and subject, in any 24
 * hours), with 1 s sessions and no renewal grace, so a session that has ended is followed by a
 * new one rather than a renewal, and the limits themselves are what answers.
 */
class BreakGlassLimitsTest {

    @TempDir
    static Path data;
    static RunningConsentService service;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data, "--goldenthread.consent.break-glass.duration=1s",
                "--goldenthread.consent.break-glass.renewal-grace=0s");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static Http.Answer breakGlass(String token, List<LinkageToken> tokens, String why) {
        Map<String, Object> request = decisionRequest(tokens, "SAFEGUARDING", List.of("housing"), List.of());
        request.put("breakGlassJustification", why);
        return service.http.post("/decisions", token, Http.json(request));
    }

    @Test
    void refusesASecondSessionAboutOnePersonAndAFourthInAllWithinADay() throws Exception {
        String officer = service.identity.token("pc.limited", "police", "KEY_WORKER", "BREAK_GLASS");
        String colleague = service.identity.token("pc.unlimited", "police", "KEY_WORKER", "BREAK_GLASS");
        List<LinkageToken> first = service.tokensOf("9434765935");

        var opened = breakGlass(officer, first, "mother reports the father has taken the baby, threats made");
        service.clock.advance(Duration.ofMillis(1_200));
        var again = breakGlass(officer, first, "father seen near the school with the baby, police attending");
        var second = breakGlass(officer, service.tokensOf("9434765943"), "sibling at the same address, also at risk now");
        var third = breakGlass(officer, service.tokensOf("9434765951"), "grandmother caring for the children, her address");
        var fourth = breakGlass(officer, service.tokensOf("9434765978"), "another relative may be hiding the child today");
        var colleaguesFirst = breakGlass(colleague, first, "mother reports the father has taken the baby, threats made");

        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertProblem(again, 429, "break-glass-limit");
        assertThat(again.json()).containsEntry("limit", "sessions-per-subject-per-day").containsEntry("max", 1)
                .containsEntry("window", "PT24H");
        assertThat((String) again.json().get("detail")).contains("1 session about one person in 24 hours");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(third.status()).as(third.body()).isEqualTo(200);
        assertProblem(fourth, 429, "break-glass-limit");
        assertThat(fourth.json()).containsEntry("limit", "sessions-per-user-per-day").containsEntry("max", 3);
        assertThat((String) fourth.json().get("detail")).contains("3 sessions in all in 24 hours");
        assertThat(colleaguesFirst.status()).as("limits are per user").isEqualTo(200);
        String housingDpo = service.identity.token("dpo.housing", "housing", "DPO");
        assertThat(((List<?>) service.http.get("/api/consents/reviews", housingDpo).json().get("reviews")))
                .as("refused requests queue nothing").hasSize(4);
    }
}
