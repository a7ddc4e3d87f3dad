package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldenthread.consent.web.RunningConsentService.assertProblem;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.federation.grant.GrantRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions about nobody in particular, for outcome evidence (aggregate counts), over real HTTP. */
class AggregateDecisionsTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;
    static String council;
    static String keyWorker;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data);
        http = service.http;
        council = service.identity.token("tm.council", "council", "TEAM_MANAGER");
        keyWorker = service.keyWorker;
        String housingAdmin = service.identity.token("admin.housing", "housing", "AGENCY_ADMIN");
        String employmentAdmin = service.identity.token("admin.employment", "employment", "AGENCY_ADMIN");
        agreement(http, housingAdmin, "OUTCOME_EVIDENCE", List.of("HOUSING", "HEALTH_MENTAL"));
        agreement(http, employmentAdmin, "COORDINATION", List.of("EMPLOYMENT"));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** An agreement from the admin's agency to the council for one purpose, through the service's own API. */
    static void agreement(Http http, String admin, String purpose, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Outcomes partnership ISA");
        body.put("recipients", List.of("council"));
        body.put("purposes", List.of(purpose));
        body.put("categories", categories);
        body.put("period", Map.of("start", "2026-01-01T00:00:00Z"));
        body.put("signOff", Map.of("by", "J. Smith", "role", "SIRO", "at", "2025-12-15T00:00:00Z"));
        var created = http.post("/api/consents/isas", admin, Http.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    static Http.Answer ask(String purpose, List<String> agencies, List<String> categories) {
        return ask(council, purpose, agencies, categories);
    }

    static Http.Answer ask(String token, String purpose, List<String> agencies, List<String> categories) {
        return http.post("/decisions/aggregate", token,
                Http.json(Map.of("purpose", purpose, "agencies", agencies, "categories", categories)));
    }

    @Nested
    class UnderAnAgreementNamingOutcomeEvidence {

        @Test
        void permitsWhatItNamesWithASignedGrantNamingNoSubject() throws Exception {
            var answer = ask("OUTCOME_EVIDENCE", List.of("housing", "employment"), List.of("HOUSING", "CRIME"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("{\"agency\":\"housing\",\"outcome\":\"PERMIT\",\"categories\":"
                    + "[\"HOUSING\"],\"basis\":\"PUBLIC_TASK\"")
                    .contains("no consent or sharing agreement covers employment sharing with council for "
                            + "OUTCOME_EVIDENCE");
            SignedJWT grant = SignedJWT.parse(RunningConsentService.grantOf(answer.json(), "housing"));
            JWKSet keys = JWKSet.parse(http.get("/.well-known/jwks.json", null).body());
            assertThat(grant.verify(new ECDSAVerifier(keys.getKeyByKeyId(grant.getHeader().getKeyID()).toECKey())))
                    .isTrue();
            Map<String, Object> claims = grant.getJWTClaimsSet().getClaims();
            assertThat(claims).containsEntry("aggregate", true).containsEntry("purpose", "OUTCOME_EVIDENCE")
                    .containsEntry("jti", answer.json().get("decisionId") + ".housing").doesNotContainKey("subject")
                    .containsEntry("scopes", Map.of("housing", List.of("HOUSING")))
                    .containsEntry("anchors", List.of());
            assertThat(grant.getJWTClaimsSet().getAudience()).containsExactly("housing");
            assertThat(RunningConsentService.grantOf(answer.json(), "employment")).isNull();
        }

        @Test
        void sharesSpecialCategoryDataOnlyWhereTheAgreementNamesIt() {
            var answer = ask("OUTCOME_EVIDENCE", List.of("housing"), List.of("HEALTH_MENTAL", "SUBSTANCE_MISUSE"));

            assertThat(answer.body()).contains("\"outcome\":\"PERMIT\",\"categories\":[\"HEALTH_MENTAL\"]");
        }

        @Test
        void aVerifierExpectingASubjectRefusesTheGrant() {
            var answer = ask("OUTCOME_EVIDENCE", List.of("housing"), List.of("HOUSING"));

            assertThatThrownBy(() -> service.verifierFor("housing").verify(RunningConsentService.grantOf(answer.json(),
                    "housing"),
                    service.tokensOf(RunningConsentService.HALE_NHS)))
                    .isInstanceOf(GrantRejectedException.class);
        }
    }

    @Nested
    class WithoutSuchAnAgreement {

        @Test
        void deniesAndIssuesNoGrant() {
            var answer = ask("OUTCOME_EVIDENCE", List.of("employment", "police"), List.of("EMPLOYMENT"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json()).containsEntry("expiresAt", null);
            assertThat(answer.body()).doesNotContain("grant");
            assertThat(answer.body()).contains("\"agency\":\"employment\",\"outcome\":\"DENY\"")
                    .contains("\"agency\":\"police\",\"outcome\":\"DENY\"").doesNotContain("PERMIT");
        }
    }

    @Nested
    class WhoMayAsk {

        @Test
        void aKeyWorkerMayNotAndNothingIsDecided() {
            var answer = ask(keyWorker, "OUTCOME_EVIDENCE", List.of("housing"), List.of("HOUSING"));

            assertProblem(answer, 403, "forbidden");
            assertThat(answer.body()).doesNotContain("grant");
        }

        @Test
        void anAgencyAdminMay() {
            String admin = service.identity.token("admin.council", "council", "AGENCY_ADMIN");

            assertThat(ask(admin, "OUTCOME_EVIDENCE", List.of("housing"), List.of("HOUSING")).body())
                    .contains("\"outcome\":\"PERMIT\"");
        }
    }

    @Nested
    class BadInput {

        @Test
        void refusesAnotherPurposeAndAMissingCategoryList() {
            assertProblem(ask("CASE_MANAGEMENT", List.of("housing"), List.of("HOUSING")), 400, "validation-failed");
            assertProblem(ask("OUTCOME_EVIDENCE", List.of("housing"), List.of()), 400, "validation-failed");
            assertProblem(ask("OUTCOME_EVIDENCE", List.of(), List.of("HOUSING")), 400, "validation-failed");
        }
    }
}
