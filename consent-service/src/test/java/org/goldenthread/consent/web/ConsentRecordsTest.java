package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording, reading and refusing consent records over real HTTP. */
class ConsentRecordsTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;
    static String keyWorker;
    static String police;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data);
        http = service.http;
        keyWorker = service.keyWorker;
        police = service.police;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** A key-worker records consent; seeding it twice is harmless. */
    @Nested
    class Recording {

        @Test
        void recordsConsentAndShowsOnlyTheSubjectDigest() {
            var created = http.post("/api/consents", keyWorker, haleConsent("9434765870", "CF-REC-1"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json()).containsKeys("id", "subjectDigest", "recordedAt")
                    .containsEntry("status", "ACTIVE").containsEntry("revision", 1);
            var read = http.get("/api/consents/" + created.json().get("id"), keyWorker);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json()).containsEntry("recordedBy", "kw.council").containsEntry("recordedByAgency", "council")
                    .containsEntry("subjectDigest", created.json().get("subjectDigest"));
            service.tokensOf("9434765870").forEach(t -> assertThat(read.body()).doesNotContain(t.getValue()));
            assertThat(read.body()).doesNotContain("9434765870", "Hale", "2007-03-14", "LS6", "tokens");
        }

        @Test
        void answersDuplicateReferenceWithTheExistingRecord() {
            String first = service.recordHale("9434765005", "CF-DUP-1");

            var again = http.post("/api/consents", keyWorker, haleConsent("9434765005", "CF-DUP-1"));

            assertProblem(again, 409, "duplicate-consent");
            assertThat(again.json()).containsEntry("consentId", first);
        }
    }

    /** Many consents about one subject in a short time: how a deny would be buried under permits. */
    @Nested
    class Burst {

        @Test
        void refusesTheOnePastTheLimitStoresNothingAndAlertsTheRecordingAgencysDpo() {
            String nhs = "9434765110";
            for (int i = 0; i < 20; i++) {
                service.recordHale(nhs, "CF-BURST-" + i);
            }

            var refused = http.post("/api/consents", keyWorker, haleConsent(nhs, "CF-BURST-20"));

            assertProblem(refused, 429, "consent-burst");
            assertThat(refused.json()).containsEntry("limit", 20).containsEntry("window", "PT24H")
                    .containsKey("alertId");
            var digest = service.context.getBean(com.mongodb.client.MongoDatabase.class).getCollection("consents")
                    .find(com.mongodb.client.model.Filters.eq("evidence.reference", "CF-BURST-0")).first()
                    .getString("subjectDigest");
            assertThat(service.context.getBean(com.mongodb.client.MongoDatabase.class).getCollection("consents")
                    .countDocuments(com.mongodb.client.model.Filters.eq("subjectDigest", digest))).isEqualTo(20);
            assertProblem(http.post("/api/consents", keyWorker, haleConsent(nhs, "CF-BURST-21")), 429, "consent-burst");

            String councilDpo = service.identity.token("dpo.council", "council", "DPO");
            var queue = http.get("/api/consents/burst-alerts", councilDpo);
            assertThat(queue.status()).as(queue.body()).isEqualTo(200);
            assertThat(queue.body()).contains("\"id\":\"" + refused.json().get("alertId") + "\"",
                    "\"agency\":\"council\"", "\"user\":\"kw.council\"", "\"subjectDigest\":\"" + digest + "\"",
                    "\"recentRecords\":20", "\"refusals\":2", "\"status\":\"PENDING\"");
            service.tokensOf(nhs).forEach(t -> assertThat(queue.body()).doesNotContain(t.getValue()));
            assertThat(queue.body()).doesNotContain(nhs, "Hale", "2007-03-14");
            String housingDpo = service.identity.token("dpo.housing", "housing", "DPO");
            assertThat(http.get("/api/consents/burst-alerts", housingDpo).body()).isEqualTo("{\"alerts\":[]}");
            assertProblem(http.get("/api/consents/burst-alerts", keyWorker), 403, "forbidden");

            var reviewed = http.post("/api/consents/burst-alerts/" + refused.json().get("alertId"), councilDpo,
                    "{\"outcome\":\"NOT_JUSTIFIED\",\"note\":\"asked the key-worker\"}");
            assertThat(reviewed.json()).containsEntry("status", "REVIEWED").containsEntry("outcome", "NOT_JUSTIFIED");
            assertProblem(http.post("/api/consents/burst-alerts/" + refused.json().get("alertId"), councilDpo,
                    "{\"outcome\":\"JUSTIFIED\"}"), 409, "alert-closed");
            assertThat(http.get("/api/consents/burst-alerts", councilDpo).body()).isEqualTo("{\"alerts\":[]}");
            assertThat(http.get("/api/consents/burst-alerts?status=ALL", councilDpo).body())
                    .contains((String) refused.json().get("alertId"));
        }

        @Test
        void countsRecordsSharingAnyOneIdentifier() {
            // Twenty under the NHS number alone, then one under the name: the NHS number is shared, so it is the 21st.
            for (int i = 0; i < 20; i++) {
                var created = http.post("/api/consents", keyWorker, consent(Map.of("nhsNumber", "9434765129"),
                        PERIOD, "SIGNED_FORM", "CF-BURST-NHS-" + i,
                        List.of(PERMIT_ALL)));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
            }

            assertProblem(http.post("/api/consents", keyWorker, haleConsent("9434765129", "CF-BURST-NHS-20")), 429,
                    "consent-burst");
        }
    }

    /** Consent records exported as FHIR R4 Consent resources. */
    @Nested
    class FhirExport {

        @Test
        @SuppressWarnings("unchecked")
        void exportsARecordAsAFhirConsentNamingTheSubjectByDigestOnly() {
            String id = service.recordHale("9434765900", "CF-FHIR-1");

            var answer = http.get("/api/consents/" + id + "/fhir", keyWorker);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.contentType().toString()).startsWith("application/fhir+json");
            Map<String, Object> consent = answer.json();
            FhirR4Consent.assertValid(consent);
            assertThat(consent).containsEntry("status", "active").containsEntry("id", id);
            String digest = (String) http.get("/api/consents/" + id, keyWorker).json().get("subjectDigest");
            assertThat(consent.get("patient").toString()).contains("value=" + digest);
            var root = (Map<String, Object>) consent.get("provision");
            assertThat(root).containsEntry("type", "deny");
            assertThat(root.get("period").toString()).contains("start=2026-01-01T00:00:00Z");
            assertThat(consent.get("extension").toString()).contains("url=urn:goldenthread:consent:consented-on, "
                    + "valueDate=2026-01-01", "signed at the January family meeting, entered late");
            var permit = ((List<Map<String, Object>>) root.get("provision")).get(0);
            assertThat(permit).containsEntry("type", "permit").doesNotContainKey("class");
            assertThat(permit.get("extension").toString()).contains("valueCode=sources", "valueCode=recipients",
                    "valueCode=categories").doesNotContain("valueCode=purposes");
            assertThat(permit.get("purpose").toString()).contains("code=CASE_MANAGEMENT", "code=EARLY_HELP_ASSESSMENT");
            var deny = ((List<Map<String, Object>>) permit.get("provision")).get(0);
            assertThat(deny).containsEntry("type", "deny");
            assertThat(deny.get("actor").toString()).contains("code=CST", "value=mentalhealth", "code=IRCP", "value=police");
            assertThat(deny.get("class").toString()).contains("code=HEALTH_MENTAL");
            assertThat(deny.get("code").toString()).contains("code=PSY");
            assertThat(answer.body()).doesNotContain("9434765900", "Hale", "2007-03-14", "LS6");
        }

        @Test
        @SuppressWarnings("unchecked")
        void exportsEverySubjectRecordTheCallerMaySeeAsABundle() {
            String first = service.recordHale("9434765919", "CF-FHIR-2");
            http.post("/api/consents/" + first + "/withdrawal", keyWorker, "{\"reason\":\"family asked\"}");
            String second = service.recordHale("9434765919", "CF-FHIR-3");
            String subject = "{\"subject\":{\"nhsNumber\":\"9434765919\"}}";

            var bundle = http.post("/api/consents/fhir", keyWorker, subject);
            var asPolice = http.post("/api/consents/fhir", police, subject);

            assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
            assertThat(bundle.json()).containsEntry("resourceType", "Bundle").containsEntry("type", "searchset")
                    .containsEntry("total", 2);
            var resources = ((List<Map<String, Object>>) bundle.json().get("entry")).stream()
                    .map(e -> (Map<String, Object>) e.get("resource")).toList();
            resources.forEach(FhirR4Consent::assertValid);
            assertThat(resources).extracting(r -> r.get("id") + ":" + r.get("status"))
                    .containsExactlyInAnyOrder(first + ":inactive", second + ":active");
            assertThat(asPolice.json()).containsEntry("total", 0);
            assertProblem(http.get("/api/consents/" + first + "/fhir", police), 404, "consent-not-found");
        }
    }

    /** Invalid bodies are 400 problems naming what is wrong, never 500. */
    @Nested
    class BadInput {

        @Test
        void refusesInvalidNhsNumberNamingTheField() {
            var answer = http.post("/api/consents", keyWorker, haleConsent("9434765911", "CF-BAD-1"));
            assertProblem(answer, 400, "invalid-identifier");
            assertThat(answer.body()).contains("subject.nhsNumber").doesNotContain("9434765911");
        }

        @Test
        void refusesSubjectWithoutLinkableIdentifiers() {
            var answer = http.post("/api/consents", keyWorker, consent(Map.of("familyName", "Hale"),
                    PERIOD, "SIGNED_FORM", "CF-BAD-2",
                    List.of(PERMIT_ALL)));
            assertProblem(answer, 400, "validation-failed");
            assertThat(answer.body()).contains("\"field\":\"subject\"");
        }

        @Test
        void refusesUnknownVocabularyAndInconsistentEvidence() {
            Map<String, Object> subject = Map.of("nhsNumber", "9434765021");
            Map<String, Object> period = PERIOD;
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-1",
                    List.of(permitAllBut("purposes", List.of("GOSSIP"))))), 400, "unknown-purpose");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-2",
                    List.of(permitAllBut("categories", List.of("SHOE_SIZE"))))), 400, "unknown-data-category");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-3",
                    List.of(Map.of("type", "MAYBE")))), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "VERBAL_WITH_WITNESS", "CF-V-4",
                    List.of(PERMIT_ALL))), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject,
                    Map.of("start", "2026-01-01T00:00:00Z", "end", "2025-01-01T00:00:00Z"), "SIGNED_FORM", "CF-V-5",
                    List.of(PERMIT_ALL))), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-6",
                    List.of())), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, "{\"subject\": [1,"), 400, "malformed-body");
        }

        @Test
        void namesTheFieldOfAnUnknownTermAndRefusesOversizedInput() {
            Map<String, Object> subject = Map.of("nhsNumber", "9434765021");
            Map<String, Object> period = PERIOD;
            var unknown = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-7",
                    List.of(permitAllBut("categories", List.of("CRIME", "SHOE_SIZE")))));
            assertProblem(unknown, 400, "unknown-data-category");
            assertThat(unknown.body()).contains("\"field\":\"provisions[0].categories[1]\"");

            var longReference = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM",
                    "R".repeat(65), List.of(PERMIT_ALL)));
            assertProblem(longReference, 400, "validation-failed");
            assertThat(longReference.body()).contains("\"field\":\"evidence.reference\"");

            var manyProvisions = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-8",
                    java.util.Collections.nCopies(21, PERMIT_ALL)));
            assertProblem(manyProvisions, 400, "validation-failed");
            assertThat(manyProvisions.body()).contains("\"field\":\"provisions\"");

            var noEvidence = http.post("/api/consents", keyWorker, Http.json(Map.of("subject", subject, "period", period,
                    "provisions", List.of(PERMIT_ALL))));
            assertProblem(noEvidence, 400, "validation-failed");
            assertThat(noEvidence.body()).contains("\"field\":\"evidence\"");

            var huge = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-9",
                    List.of(permitAllBut("purposes", List.of("x".repeat(70_000))))));
            assertProblem(huge, 413, "payload-too-large");
        }
    }

    /** Callers without a token, role or agency. */
    @Nested
    class CallerNotAllowed {

        @Test
        void refusesUserWithoutRecordingRole() {
            var answer = http.post("/api/consents", service.identity.token("dpo1", "council", "DPO"),
                    haleConsent("9434765013", "CF-ROLE-1"));
            assertProblem(answer, 403, "forbidden");
        }

        @Test
        void answersUnknownOrForeignRecordAsNotFound() {
            String id = service.recordHale("9434765048", "CF-404-1");
            assertProblem(http.get("/api/consents/" + id, police), 404, "consent-not-found");
            assertProblem(http.get("/api/consents/no-such-id", keyWorker), 404, "consent-not-found");
            assertProblem(http.get("/api/consents/$ne", keyWorker), 404, "consent-not-found");
        }

        @Test
        void refusesCallsWithoutTokenAsProblemJson() {
            assertProblem(http.post("/api/consents", null, haleConsent("9434765056", "CF-401")), 401, "unauthenticated");
            assertProblem(http.get("/api/consents/x", null), 401, "unauthenticated");
            assertProblem(http.post("/api/consents", "not-a-jwt", haleConsent("9434765056", "CF-401")), 401,
                    "unauthenticated");
        }
    }

    /** A permit saying "all" explicitly in every dimension but {@code dimension}, which lists {@code values}. */
    static Map<String, Object> permitAllBut(String dimension, List<String> values) {
        Map<String, Object> provision = new java.util.HashMap<>(PERMIT_ALL);
        provision.remove("all" + Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1));
        provision.put(dimension, values);
        return provision;
    }

    @Test
    void publishesTheGrantSigningKeys() {
        var jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"EC\"", "\"crv\":\"P-256\"").doesNotContain("\"d\":");
    }
}
