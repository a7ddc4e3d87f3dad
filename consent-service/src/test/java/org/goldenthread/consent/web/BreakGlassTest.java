package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Break-glass over real HTTP, with sessions shortened to 3 s so their end can be seen; the
 * review queue and the decision record as DPOs read them. The rules that govern opening a
 * session (permission, justification, categories, countdown) are {@link BreakGlassGovernanceTest};
 * limits and renewal {@link BreakGlassLimitsTest} and {@link BreakGlassRenewalTest}.
 */
class BreakGlassTest {

    static final String WHY = "children at immediate risk after a reported assault; no consent obtainable";

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;
    static String sergeant;
    static String housingDpo;
    static ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data, "--goldenthread.consent.break-glass.duration=3s");
        http = service.http;
        sergeant = service.identity.token("sgt.police", "police", "TEAM_MANAGER", "BREAK_GLASS");
        housingDpo = service.identity.token("dpo.housing", "housing", "DPO");
        audit.start();
        ((Logger) LoggerFactory.getLogger("org.goldenthread.consent.audit")).addAppender(audit);
    }

    @AfterAll
    static void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("org.goldenthread.consent.audit")).detachAppender(audit);
        service.close();
    }

    static String breakGlass(List<LinkageToken> tokens, String purpose, List<String> agencies, String why) {
        Map<String, Object> request = decisionRequest(tokens, purpose, agencies, List.of());
        request.put("breakGlassJustification", why);
        return Http.json(request);
    }

    /** A permitted role opens a session for safeguarding. */
    @Nested
    class Opened {

        @Test
        void permitsVitalInterestsUntilTheSessionEndsAndQueuesAReviewPerSource() throws Exception {
            List<LinkageToken> tokens = service.tokensOf("9434765870");
            String plain = decisionBody(tokens, "SAFEGUARDING", List.of("housing", "council"), List.of());

            var opened = http.post("/decisions", sergeant, breakGlass(tokens, "SAFEGUARDING",
                    List.of("housing", "council"), WHY));
            var within = http.post("/decisions", sergeant, plain);
            AccessGrant grant = service.verifierFor("housing").verify(grantOf(opened.json(), "housing"), tokens);
            Thread.sleep(3_200);
            var past = http.post("/decisions", sergeant, plain);

            assertThat(opened.status()).as(opened.body()).isEqualTo(200);
            assertThat(opened.body()).contains("\"agency\":\"housing\",\"outcome\":\"PERMIT\"",
                    "\"basis\":\"VITAL_INTERESTS\"");
            assertThat(grant.bases()).containsOnly(Map.entry("housing", LawfulBasis.LAWFUL_BASIS_VITAL_INTERESTS));
            assertThat(grant.anchors()).as("break-glass is about whoever is asked about").isEmpty();
            assertThat(within.body()).contains("\"basis\":\"VITAL_INTERESTS\"");
            assertThat(past.body()).contains("\"outcome\":\"DENY\"", "break-glass ended at").doesNotContain("PERMIT");

            var queue = http.get("/api/consents/reviews", housingDpo);
            assertThat(queue.status()).as(queue.body()).isEqualTo(200);
            assertThat(queue.body()).contains(WHY, "\"user\":\"sgt.police\"", "\"status\":\"PENDING\"")
                    .doesNotContain("\"sourceAgency\":\"council\"");
            String reviewId = queue.body().replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
            var reviewed = http.post("/api/consents/reviews/" + reviewId, housingDpo,
                    "{\"outcome\":\"JUSTIFIED\",\"note\":\"police report confirms\"}");
            assertThat(reviewed.json()).containsEntry("status", "REVIEWED").containsEntry("outcome", "JUSTIFIED")
                    .containsEntry("reviewedBy", "dpo.housing");
            assertProblem(http.post("/api/consents/reviews/" + reviewId, housingDpo, "{\"outcome\":\"JUSTIFIED\"}"),
                    409, "review-closed");
            assertThat(http.get("/api/consents/reviews", housingDpo).body()).doesNotContain(reviewId);
            assertThat(http.get("/api/consents/reviews?status=ALL", housingDpo).body()).contains(reviewId);
            String councilDpo = service.identity.token("dpo.council", "council", "DPO");
            assertThat(http.get("/api/consents/reviews", councilDpo).body()).contains(WHY);
            assertProblem(http.post("/api/consents/reviews/" + reviewId, councilDpo, "{\"outcome\":\"JUSTIFIED\"}"),
                    404, "review-not-found");

            String sessionId = (String) http.get("/api/consents/decisions?agency=housing", housingDpo).json()
                    .entrySet().stream().filter(e -> e.getKey().equals("decisions")).map(e -> ((List<?>) e.getValue()))
                    .flatMap(List::stream).map(d -> ((Map<?, ?>) d).get("breakGlassSessionId"))
                    .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            assertThat(audit.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(sessionId, "police"));
            assertThat(audit.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getKeyValuePairs())
                    .doesNotContain(WHY).doesNotContain("sgt.police"));
        }
    }

    /** Break-glass asked for wrongly. */
    @Nested
    class Refused {

        @Test
        void needsSafeguardingALongEnoughReasonAndAnAllowedRole() {
            List<LinkageToken> tokens = service.tokensOf("9434765889");
            var shortReason = http.post("/decisions", sergeant, breakGlass(tokens, "SAFEGUARDING", List.of("housing"),
                    "urgent, trust me"));
            assertProblem(shortReason, 422, "justification-too-short");
            assertThat(shortReason.json()).containsEntry("rule", "too-short");
            assertProblem(http.post("/decisions", sergeant, breakGlass(tokens, "CASE_MANAGEMENT", List.of("housing"),
                    WHY)), 400, "validation-failed");
            assertProblem(http.post("/decisions", housingDpo, breakGlass(tokens, "SAFEGUARDING", List.of("council"),
                    WHY)), 403, "break-glass-not-allowed");
            assertProblem(http.post("/decisions", sergeant, breakGlass(tokens, "SAFEGUARDING", List.of("housing"),
                    "x".repeat(2001))), 400, "validation-failed");
        }
    }

    /** The sharing-decision record, for DPOs of the agencies involved. */
    @Nested
    class DecisionRecord {

        @Test
        void dposPageThroughTheirOwnAgencysDecisionsOnly() {
            List<LinkageToken> tokens = service.tokensOf("9434765897");
            for (int i = 0; i < 3; i++) {
                http.post("/decisions", service.police, decisionBody(tokens, "CASE_MANAGEMENT", List.of("housing"), List.of()));
            }

            var page = http.get("/api/consents/decisions?page=0&size=2", housingDpo);

            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json()).containsEntry("size", 2);
            assertThat((List<?>) page.json().get("decisions")).hasSize(2);
            assertThat(((Number) page.json().get("total")).intValue()).isGreaterThanOrEqualTo(3);
            assertThat(page.body()).contains("\"agenciesAsked\":[\"housing\"]", "\"purpose\":\"CASE_MANAGEMENT\"",
                    "no consent or sharing agreement covers housing");
            tokens.forEach(t -> assertThat(page.body()).doesNotContain(t.getValue()));
            assertProblem(http.get("/api/consents/decisions?agency=police", housingDpo), 403, "not-own-agency");
            assertProblem(http.get("/api/consents/decisions", service.police), 403, "forbidden");
            assertProblem(http.get("/api/consents/decisions?size=1000", housingDpo), 400, "validation-failed");
            assertProblem(http.get("/api/consents/decisions?page=x", housingDpo), 400, "validation-failed");
        }
    }
}
