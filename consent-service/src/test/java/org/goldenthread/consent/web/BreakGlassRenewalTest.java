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
 * Renewing break-glass access needs a second person: another session about the same subject
 * while one is live or ended less than the grace ago (here 2 s sessions, the default 30 min grace)
 * is refused with a renewal request, which a DPO or team manager of the requester's agency (never
 * the requester) approves; the approval opens exactly one session.
 */
class BreakGlassRenewalTest {

    static final String WHY = "children at immediate risk after a reported assault; no consent obtainable";
    static final String MORE = "suspect still not found, children moved to grandmother, need her contact details";

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data, "--goldenthread.consent.break-glass.duration=2s");
        http = service.http;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static Http.Answer breakGlass(String token, List<LinkageToken> tokens, List<String> agencies, String why) {
        Map<String, Object> request = decisionRequest(tokens, "SAFEGUARDING", agencies, List.of());
        request.put("breakGlassJustification", why);
        return http.post("/decisions", token, Http.json(request));
    }

    static final String APPROVE = "{\"outcome\":\"APPROVED\",\"note\":\"checked with the officer by phone\"}";

    @Test
    void needsASecondPersonOfTheRequestersAgencyAndOpensOneSessionPerApproval() throws Exception {
        // The requester may approve renewals in general (a team manager) — just not their own.
        String sergeant = service.identity.token("sgt.renewing", "police", "TEAM_MANAGER", "BREAK_GLASS");
        String policeDpo = service.identity.token("dpo.police", "police", "DPO");
        String policeKeyWorker = service.identity.token("pc.bystander", "police", "KEY_WORKER");
        String councilManager = service.identity.token("mgr.council", "council", "TEAM_MANAGER");
        List<LinkageToken> tokens = service.tokensOf("9434765986");

        var first = breakGlass(sergeant, tokens, List.of("housing"), WHY);
        var renewal = breakGlass(sergeant, tokens, List.of("housing"), MORE);
        String renewalId = (String) renewal.json().get("renewalRequestId");
        var askedAgain = breakGlass(sergeant, tokens, List.of("housing"), MORE);
        var own = http.post("/api/consents/break-glass/renewals/" + renewalId, sergeant, APPROVE);
        var notAnApprover = http.post("/api/consents/break-glass/renewals/" + renewalId, policeKeyWorker,
                APPROVE);
        var otherAgency = http.post("/api/consents/break-glass/renewals/" + renewalId, councilManager,
                APPROVE);
        var queue = http.get("/api/consents/break-glass/renewals", policeDpo);
        var approved = http.post("/api/consents/break-glass/renewals/" + renewalId, policeDpo, APPROVE);
        service.clock.advance(Duration.ofMillis(2_200));
        var renewed = breakGlass(sergeant, tokens, List.of("housing"), MORE);
        var usedAgain = breakGlass(sergeant, tokens, List.of("housing"),
                "grandmother now says the suspect phoned her, need the phone records held");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertProblem(renewal, 403, "break-glass-renewal-needs-approval");
        assertThat(renewal.json()).containsEntry("renewsSession", sessionOf(first));
        assertThat((String) renewal.json().get("detail")).contains(renewalId, "DPO or TEAM_MANAGER of your agency");
        assertThat(askedAgain.json()).as("asking again waits on the same request")
                .containsEntry("renewalRequestId", renewalId);
        assertProblem(own, 403, "renewal-own-request");
        assertProblem(notAnApprover, 403, "not-renewal-approver");
        assertProblem(otherAgency, 404, "renewal-not-found");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains(renewalId, MORE, "\"status\":\"PENDING\"", "\"renewsSession\":\""
                + sessionOf(first) + "\"");
        assertThat(approved.json()).containsEntry("status", "APPROVED").containsEntry("decidedBy", "dpo.police");
        assertProblem(http.post("/api/consents/break-glass/renewals/" + renewalId, policeDpo, APPROVE),
                409, "renewal-closed");

        assertThat(renewed.status()).as("the first session has ended, its approved renewal opens the next: "
                + renewed.body()).isEqualTo(200);
        assertThat(renewed.body()).contains("\"basis\":\"VITAL_INTERESTS\"");
        assertThat(sessionOf(renewed)).isNotEqualTo(sessionOf(first));
        assertProblem(usedAgain, 403, "break-glass-renewal-needs-approval");
        assertThat(usedAgain.json().get("renewalRequestId")).as("an approval is used once").isNotEqualTo(renewalId);
        assertThat(http.get("/api/consents/break-glass/renewals?status=ALL", policeDpo).body())
                .contains("\"usedBySession\":\"" + sessionOf(renewed) + "\"");
        assertThat(http.get("/api/consents/break-glass/sessions", sergeant).body())
                .contains("\"renewalId\":\"" + renewalId + "\"");
    }

    @Test
    void aRefusedRenewalOpensNothing() {
        String officer = service.identity.token("pc.refused", "police", "KEY_WORKER", "BREAK_GLASS");
        String manager = service.identity.token("mgr.police", "police", "TEAM_MANAGER");
        List<LinkageToken> tokens = service.tokensOf("9434765994");

        assertThat(breakGlass(officer, tokens, List.of("council"), WHY).status()).isEqualTo(200);
        String renewalId = (String) breakGlass(officer, tokens, List.of("council"), MORE).json().get("renewalRequestId");
        var refused = http.post("/api/consents/break-glass/renewals/" + renewalId, manager,
                "{\"outcome\":\"REFUSED\",\"note\":\"no new risk described\"}");
        var after = breakGlass(officer, tokens, List.of("council"), MORE);

        assertThat(refused.json()).containsEntry("status", "REFUSED").containsEntry("decidedBy", "mgr.police");
        assertProblem(after, 403, "break-glass-renewal-needs-approval");
        assertThat(after.json().get("renewalRequestId")).isNotEqualTo(renewalId);
        assertProblem(http.post("/api/consents/break-glass/renewals/" + renewalId, manager,
                "{\"outcome\":\"MAYBE\"}"), 400, "validation-failed");
        assertProblem(http.get("/api/consents/break-glass/renewals?status=SOME", manager), 400, "validation-failed");
        assertProblem(http.get("/api/consents/break-glass/renewals", officer), 403, "not-renewal-approver");
    }

    static String sessionOf(Http.Answer decision) {
        @SuppressWarnings("unchecked")
        Map<String, Object> breakGlass = (Map<String, Object>) decision.json().get("breakGlass");
        return (String) breakGlass.get("sessionId");
    }
}
