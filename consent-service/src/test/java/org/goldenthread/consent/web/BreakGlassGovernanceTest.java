package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may break the glass, with what words, and what a session then releases and for how long
 * (issue 14), over real HTTP with the production wiring; sessions last 3 s, and housing's
 * sessions release only HOUSING and SAFEGUARDING (a per-source setting). Every test is its own
 * user, so no test's sessions count against another's limits.
 */
class BreakGlassGovernanceTest {

    static final String WHY = "children at immediate risk after a reported assault; no consent obtainable";
    static final Duration SESSION = Duration.ofSeconds(3);

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data, "--goldenthread.consent.break-glass.duration=3s",
                "--goldenthread.consent.break-glass.categories-by-source.housing=HOUSING, SAFEGUARDING");
        http = service.http;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static String officer(String user) {
        return service.identity.token(user, "police", "KEY_WORKER", "BREAK_GLASS");
    }

    static Http.Answer breakGlass(String token, List<LinkageToken> tokens, List<String> agencies, String why) {
        Map<String, Object> request = decisionRequest(tokens, "SAFEGUARDING", agencies, List.of());
        request.put("breakGlassJustification", why);
        return http.post("/decisions", token, Http.json(request));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sessions(String token) {
        var answer = http.get("/api/consents/break-glass/sessions", token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.json().get("sessions");
    }

    /** The break-glass permission is its own role, not every key-worker's. */
    @Nested
    class Permission {

        @Test
        void opensForTheBreakGlassRoleAndRefusesAPlainKeyWorker() {
            List<LinkageToken> tokens = service.tokensOf("9434765919");
            String plainKeyWorker = service.identity.token("pc.plain", "police", "KEY_WORKER");
            String manager = service.identity.token("mgr.plain", "police", "TEAM_MANAGER");
            String misspelt = service.identity.token("pc.lower", "police", "KEY_WORKER", "break_glass", "BREAK_GLASS ");

            var refused = breakGlass(plainKeyWorker, tokens, List.of("council"), WHY);
            var allowed = breakGlass(officer("pc.permitted"), tokens, List.of("council"), WHY);

            assertProblem(refused, 403, "break-glass-not-allowed");
            assertThat(refused.body()).contains("break-glass permission");
            assertProblem(breakGlass(manager, tokens, List.of("council"), WHY), 403, "break-glass-not-allowed");
            assertProblem(breakGlass(misspelt, tokens, List.of("council"), WHY), 403, "break-glass-not-allowed");
            assertThat(sessions(plainKeyWorker)).isEmpty();
            assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
            assertThat(allowed.body()).contains("\"basis\":\"VITAL_INTERESTS\"");
        }
    }

    /** A justification a person wrote; nothing is opened or queued when it is refused. */
    @Nested
    class Justification {

        @ParameterizedTest(name = "{1}/{2}: \"{0}\"")
        @CsvSource(delimiter = '|', value = {
                "urgent, trust me                         | justification-too-short | too-short",
                "'          nineteen letters     '          | justification-too-short | too-short",
                "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!           | justification-filler    | repeated-text",
                "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz     | justification-filler    | repeated-text",
                "test test test test test                 | justification-filler    | repeated-text",
                "N/A n/a N/A n/a N/A n/a N/A              | justification-filler    | repeated-text",
                "abab baba abba aabb abab baab            | justification-filler    | too-few-letters",
                "qwerty the child is at home alone        | justification-filler    | keyboard-run",
                "asdfg police needed at the house now     | justification-filler    | keyboard-run",
                "lorem ipsum dolor sit amet consectetur   | justification-filler    | placeholder-text",
                "sdf jkl ert xcv bnm, wer, yui, the kid  | justification-filler    | too-few-words",
                "xkcd brr pfft hmm zzz grr shh tsk        | justification-filler    | too-few-words",
        })
        void refusesFiller(String why, String code, String rule) {
            String user = "pc.filler." + Math.abs(why.hashCode());
            List<LinkageToken> tokens = service.tokensOf("9434765870");
            String dpo = service.identity.token("dpo.council", "council", "DPO");
            int queued = http.get("/api/consents/reviews", dpo).body().length();

            var refused = breakGlass(officer(user), tokens, List.of("council"), why);

            assertProblem(refused, 422, code);
            assertThat(refused.json()).containsEntry("rule", rule);
            assertThat((String) refused.json().get("detail")).as("never quoted back").doesNotContain(why.strip());
            assertThat(sessions(officer(user))).isEmpty();
            assertThat(http.get("/api/consents/reviews", dpo).body()).hasSize(queued);
        }

        @Test
        void refusesTheUsersOwnRecentJustificationWhateverItsCaseSpacingOrPunctuation() {
            String officer = officer("pc.copier");
            String colleague = officer("pc.colleague");
            List<LinkageToken> first = service.tokensOf("9434765889");
            List<LinkageToken> second = service.tokensOf("9434765897");

            var opened = breakGlass(officer, first, List.of("council"), WHY);
            var copied = breakGlass(officer, second, List.of("council"),
                    "  Children at immediate risk, after a reported assault -- no consent obtainable!  ");
            var colleaguesOwn = breakGlass(colleague, second, List.of("council"), WHY);
            var rewritten = breakGlass(officer, second, List.of("council"),
                    "second child in the same household now missing, mother not answering");

            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
            assertProblem(copied, 422, "justification-repeated");
            assertThat(copied.json()).containsEntry("rule", "copy-of-recent");
            assertThat(colleaguesOwn.status()).as("the copy rule is about the user's own words").isEqualTo(200);
            assertThat(rewritten.status()).as(rewritten.body()).isEqualTo(200);
        }
    }

    /** What a session releases: what safeguarding needs, per source, never health data by default. */
    @Nested
    class Categories {

        @Test
        void releasesTheDefaultSafeguardingSetAndNeverMentalHealthByDefault() {
            String officer = officer("pc.categories");
            List<LinkageToken> tokens = service.tokensOf("9434765900");

            var opened = breakGlass(officer, tokens, List.of("mentalhealth", "housing"), WHY);
            var health = http.post("/decisions", officer, decisionBody(tokens, "SAFEGUARDING", List.of("mentalhealth"),
                    List.of("HEALTH_MENTAL", "HEALTH_PHYSICAL", "SUBSTANCE_MISUSE")));

            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
            Map<String, Object> mentalhealth = answerOf(opened.json(), "mentalhealth");
            assertThat(mentalhealth).containsEntry("outcome", "PERMIT").containsEntry("basis", "VITAL_INTERESTS");
            assertThat(mentalhealth.get("categories")).isEqualTo(List.of("IDENTITY", "CONTACT", "INVOLVEMENT",
                    "HOUSING", "ASB", "CRIME", "DOMESTIC_ABUSE", "SOCIAL_CARE", "SAFEGUARDING"));
            assertThat(answerOf(opened.json(), "housing").get("categories"))
                    .as("housing's own setting").isEqualTo(List.of("HOUSING", "SAFEGUARDING"));
            assertThat(agencies(health.json())).singleElement().satisfies(a -> {
                assertThat(a).containsEntry("outcome", "DENY");
                assertThat((String) a.get("reason")).contains("HEALTH_MENTAL");
            });
            assertThat(sessions(officer)).singleElement().satisfies(s -> assertThat(s.get("categories"))
                    .isEqualTo(Map.of("housing", List.of("HOUSING", "SAFEGUARDING"), "mentalhealth", List.of("IDENTITY",
                            "CONTACT", "INVOLVEMENT", "HOUSING", "ASB", "CRIME", "DOMESTIC_ABUSE", "SOCIAL_CARE",
                            "SAFEGUARDING"))));
        }
    }

    /** The session's end, for a countdown, in the decision and in the caller's list of live sessions. */
    @Nested
    class ExpiresAt {

        @Test
        void givesTheSessionsEndInTheDecisionAndTheLiveSessionsOfTheCallerOnly() throws Exception {
            String officer = officer("pc.countdown");
            List<LinkageToken> tokens = service.tokensOf("9434765927");
            Instant before = Instant.now().minusSeconds(1);

            var opened = breakGlass(officer, tokens, List.of("council"), WHY);
            var plain = http.post("/decisions", officer, decisionBody(tokens, "SAFEGUARDING", List.of("council"),
                    List.of()));
            var otherPurpose = http.post("/decisions", officer, decisionBody(tokens, "CASE_MANAGEMENT",
                    List.of("council"), List.of()));
            Instant after = Instant.now();
            var listed = sessions(officer);

            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> countdown = (Map<String, Object>) opened.json().get("breakGlass");
            Instant expiresAt = Instant.parse((String) countdown.get("expiresAt"));
            assertThat(expiresAt).isBetween(before.plus(SESSION), after.plus(SESSION));
            assertThat(plain.json().get("breakGlass")).as("a later decision shows the same countdown")
                    .isEqualTo(countdown);
            assertThat(otherPurpose.json()).doesNotContainKey("breakGlass");
            assertThat(listed).singleElement().satisfies(s -> {
                assertThat(s).containsEntry("id", countdown.get("sessionId")).containsEntry("sources", List.of("council"))
                        .doesNotContainKeys("subjectDigest", "justification", "subjectTokens", "user");
                assertThat(Instant.parse((String) s.get("expiresAt"))).isEqualTo(expiresAt);
            });
            tokens.forEach(t -> assertThat(http.get("/api/consents/break-glass/sessions", officer).body())
                    .doesNotContain(t.getValue()));
            assertThat(sessions(officer("pc.someone.else"))).isEmpty();
            assertProblem(http.get("/api/consents/break-glass/sessions", null), 401, "unauthenticated");

            service.clock.advance(Duration.between(service.clock.instant(), expiresAt).plusMillis(200));
            assertThat(sessions(officer)).as("an ended session is not listed").isEmpty();
            assertThat(http.post("/decisions", officer, decisionBody(tokens, "SAFEGUARDING", List.of("council"),
                    List.of())).json()).doesNotContainKey("breakGlass");
        }
    }

    static Map<String, Object> answerOf(Map<String, Object> decision, String agency) {
        return agencies(decision).stream().filter(a -> agency.equals(a.get("agency"))).findFirst().orElseThrow();
    }
}
