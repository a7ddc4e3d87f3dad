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
            var permit = ((List<Map<String, Object>>) root.get("provision")).get(0);
            assertThat(permit).containsEntry("type", "permit").doesNotContainKey("class");
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
                    Map.of("start", "2026-01-01T00:00:00Z"), "SIGNED_FORM", "CF-BAD-2",
                    List.of(Map.of("type", "PERMIT"))));
            assertProblem(answer, 400, "validation-failed");
            assertThat(answer.body()).contains("\"field\":\"subject\"");
        }

        @Test
        void refusesUnknownVocabularyAndInconsistentEvidence() {
            Map<String, Object> subject = Map.of("nhsNumber", "9434765021");
            Map<String, Object> period = Map.of("start", "2026-01-01T00:00:00Z");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-1",
                    List.of(Map.of("type", "PERMIT", "purposes", List.of("GOSSIP"))))), 400, "unknown-purpose");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-2",
                    List.of(Map.of("type", "PERMIT", "categories", List.of("SHOE_SIZE"))))), 400, "unknown-data-category");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-3",
                    List.of(Map.of("type", "MAYBE")))), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "VERBAL_WITH_WITNESS", "CF-V-4",
                    List.of(Map.of("type", "PERMIT")))), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject,
                    Map.of("start", "2026-01-01T00:00:00Z", "end", "2025-01-01T00:00:00Z"), "SIGNED_FORM", "CF-V-5",
                    List.of(Map.of("type", "PERMIT")))), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-6",
                    List.of())), 400, "validation-failed");
            assertProblem(http.post("/api/consents", keyWorker, "{\"subject\": [1,"), 400, "malformed-body");
        }

        @Test
        void namesTheFieldOfAnUnknownTermAndRefusesOversizedInput() {
            Map<String, Object> subject = Map.of("nhsNumber", "9434765021");
            Map<String, Object> period = Map.of("start", "2026-01-01T00:00:00Z");
            var unknown = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-7",
                    List.of(Map.of("type", "PERMIT", "categories", List.of("CRIME", "SHOE_SIZE")))));
            assertProblem(unknown, 400, "unknown-data-category");
            assertThat(unknown.body()).contains("\"field\":\"provisions[0].categories[1]\"");

            var longReference = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM",
                    "R".repeat(65), List.of(Map.of("type", "PERMIT"))));
            assertProblem(longReference, 400, "validation-failed");
            assertThat(longReference.body()).contains("\"field\":\"evidence.reference\"");

            var manyProvisions = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-8",
                    java.util.Collections.nCopies(21, Map.of("type", "PERMIT"))));
            assertProblem(manyProvisions, 400, "validation-failed");
            assertThat(manyProvisions.body()).contains("\"field\":\"provisions\"");

            var noEvidence = http.post("/api/consents", keyWorker, Http.json(Map.of("subject", subject, "period", period,
                    "provisions", List.of(Map.of("type", "PERMIT")))));
            assertProblem(noEvidence, 400, "validation-failed");
            assertThat(noEvidence.body()).contains("\"field\":\"evidence\"");

            var huge = http.post("/api/consents", keyWorker, consent(subject, period, "SIGNED_FORM", "CF-V-9",
                    List.of(Map.of("type", "PERMIT", "purposes", List.of("x".repeat(70_000))))));
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

    @Test
    void publishesTheGrantSigningKeys() {
        var jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"EC\"", "\"crv\":\"P-256\"").doesNotContain("\"d\":");
    }
}
