package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.decisionBody;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.goldenthread.consent.registry.AgencyProfiles;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known-to stays known-to, as consent-service decides it (issue 14), against a registry that marks the mental-health
 * trust's involvement as health data: a deny of HEALTH_MENTAL withholds the trust whole; an agreement sharing only
 * INVOLVEMENT does not release even its known-to flag; one naming HEALTH_MENTAL does, for COORDINATION; and
 * COORDINATION never releases more than the known-to flag.
 */
class InvolvementDecisionsTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;

    @BeforeAll
    static void boot() throws Exception {
        service = RunningConsentService.boot(data);
        http = service.http;
        service.identity.registry(TestIdentity.TRUST_MARKED_REGISTRY);
        service.context.getBean(AgencyProfiles.class).refresh();
        String trustAdmin = service.identity.token("admin.mh", "mentalhealth", "AGENCY_ADMIN");
        String housingAdmin = service.identity.token("admin.housing", "housing", "AGENCY_ADMIN");
        for (String admin : List.of(trustAdmin, housingAdmin)) {
            assertThat(http.post("/api/consents/isas", admin, Http.json(SharingAgreementsTest.isa(
                    List.of("council", "police"), List.of("COORDINATION"), List.of("INVOLVEMENT", "HOUSING")))).status())
                    .isEqualTo(201);
        }
        assertThat(http.post("/api/consents/isas", trustAdmin, Http.json(SharingAgreementsTest.isa(
                List.of("council"), List.of("COORDINATION"), List.of("INVOLVEMENT", "HEALTH_MENTAL")))).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static Map<String, Object> answerOf(Map<String, Object> decision, String agency) {
        return RunningConsentService.agencies(decision).stream().filter(a -> agency.equals(a.get("agency")))
                .findFirst().orElseThrow();
    }

    @Test
    void aDenyOfHealthMentalToThePoliceWithholdsTheTrustWholeNotOnlyItsHealthRecords() {
        service.recordHale("9434765870", "INV-1");
        List<LinkageToken> tom = service.tokensOf("9434765870");

        var police = http.post("/decisions", service.police, decisionBody(tom, "CASE_MANAGEMENT",
                List.of("mentalhealth", "housing"), List.of()));
        var council = http.post("/decisions", service.keyWorker, decisionBody(tom, "CASE_MANAGEMENT",
                List.of("mentalhealth"), List.of()));

        assertThat(police.status()).as(police.body()).isEqualTo(200);
        Map<String, Object> trust = answerOf(police.json(), "mentalhealth");
        assertThat(trust).containsEntry("outcome", "DENY").doesNotContainKey("grant");
        assertThat((String) trust.get("reason")).contains("HEALTH_MENTAL", "consent denies to police",
                "not even whether it is involved");
        assertThat(answerOf(police.json(), "housing")).containsEntry("outcome", "PERMIT");
        assertThat(answerOf(council.json(), "mentalhealth")).containsEntry("outcome", "PERMIT");
        assertThat(answerOf(council.json(), "mentalhealth").get("categories").toString()).contains("HEALTH_MENTAL");
    }

    @Test
    void anAgreementSharingOnlyInvolvementReleasesNotEvenTheTrustsKnownToFlag() {
        List<LinkageToken> someone = service.tokensOf("9434765846");

        var police = http.post("/decisions", service.police, decisionBody(someone, "COORDINATION",
                List.of("mentalhealth", "housing"), List.of("INVOLVEMENT")));

        Map<String, Object> trust = answerOf(police.json(), "mentalhealth");
        assertThat(trust).containsEntry("outcome", "DENY");
        assertThat((String) trust.get("reason")).contains("HEALTH_MENTAL", "no consent or sharing agreement");
        // Housing's agreement names HOUSING too: COORDINATION releases the known-to flag and nothing else.
        assertThat(answerOf(police.json(), "housing")).containsEntry("outcome", "PERMIT")
                .containsEntry("categories", List.of("INVOLVEMENT"));
    }

    @Test
    void anAgreementNamingHealthMentalReleasesTheTrustsKnownToFlagWithWhatItDisclosesForCoordinationOnly() {
        List<LinkageToken> someone = service.tokensOf("9434765846");

        var council = http.post("/decisions", service.keyWorker, decisionBody(someone, "COORDINATION",
                List.of("mentalhealth"), List.of("INVOLVEMENT")));
        var asCaseManagement = http.post("/decisions", service.keyWorker, decisionBody(someone, "CASE_MANAGEMENT",
                List.of("mentalhealth"), List.of()));

        assertThat(answerOf(council.json(), "mentalhealth")).containsEntry("outcome", "PERMIT")
                .containsEntry("basis", "PUBLIC_TASK").containsEntry("categories", List.of("INVOLVEMENT", "HEALTH_MENTAL"));
        assertThat(answerOf(asCaseManagement.json(), "mentalhealth")).containsEntry("outcome", "DENY");
    }
}
