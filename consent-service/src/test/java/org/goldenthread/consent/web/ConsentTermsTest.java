package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a consent must say: no implicit "all", no unexplained backdating, new evidence for every revision. */
class ConsentTermsTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;
    static int subjects;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data);
        http = service.http;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static Map<String, Object> subject() {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("familyName", "Terms");
        subject.put("givenName", "Sam" + ConsentPermissionsTest.letters(++subjects));
        subject.put("dateOfBirth", "1990-05-05");
        return subject;
    }

    static Http.Answer record(Map<String, Object> period, Map<String, Object> provision) {
        return http.post("/api/consents", service.keyWorker, consent(subject(), period, "SIGNED_FORM",
                "CF-T-" + (++subjects), List.of(provision)));
    }

    static Map<String, Object> permit() {
        return new HashMap<>(Map.of("type", "PERMIT", "sources", List.of("housing"), "recipients", List.of("police"),
                "purposes", List.of("CASE_MANAGEMENT"), "categories", List.of("HOUSING")));
    }

    static Map<String, Object> startingDaysAgo(int days) {
        return new HashMap<>(Map.of("start", Instant.now().minus(days, ChronoUnit.DAYS).toString()));
    }

    /** Each dimension is a list or an explicit all: never empty, never missing, never both. */
    @Nested
    class ExplicitAll {

        @Test
        void refusesAnEmptyOrMissingListWithoutTheFlagNamingTheField() {
            for (String dimension : List.of("sources", "recipients", "purposes", "categories")) {
                Map<String, Object> empty = permit();
                empty.put(dimension, List.of());
                Map<String, Object> missing = permit();
                missing.remove(dimension);

                for (Map<String, Object> provision : List.of(empty, missing)) {
                    var answer = record(startingDaysAgo(0), provision);
                    assertProblem(answer, 400, "validation-failed");
                    assertThat(answer.body()).contains("\"field\":\"provisions[0]." + dimension + "\"");
                }
            }
        }

        @Test
        void refusesAListAndTheFlagTogether() {
            Map<String, Object> both = permit();
            both.put("allSources", true);

            var answer = record(startingDaysAgo(0), both);

            assertProblem(answer, 400, "validation-failed");
            assertThat(answer.body()).contains("\"field\":\"provisions[0].sources\"", "not both");
        }

        @Test
        void showsAnExplicitAllAsSuchInTheViewAndTheFhirExport() {
            Map<String, Object> provision = permit();
            provision.remove("sources");
            provision.put("allSources", true);
            provision.remove("categories");
            provision.put("allCategories", true);
            var created = record(startingDaysAgo(0), provision);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = (String) created.json().get("id");

            var view = http.get("/api/consents/" + id, service.keyWorker);
            var fhir = http.get("/api/consents/" + id + "/fhir", service.keyWorker);

            assertThat(view.body()).contains("\"sources\":[],\"allSources\":true", "\"recipients\":[\"police\"],"
                    + "\"allRecipients\":false", "\"allCategories\":true",
                    "\"reads\":\"PERMIT: ALL agencies (said explicitly) sharing with police, for CASE_MANAGEMENT, ALL "
                            + "data categories (said explicitly)\"");
            FhirR4Consent.assertValid(fhir.json());
            assertThat(fhir.body()).contains("{\"url\":\"urn:goldenthread:consent:explicit-all\",\"valueCode\":\"sources\"}",
                    "{\"url\":\"urn:goldenthread:consent:explicit-all\",\"valueCode\":\"categories\"}",
                    "urn:goldenthread:consent:provision-text", "ALL agencies (said explicitly)")
                    .doesNotContain("\"valueCode\":\"recipients\"");
        }
    }

    /** A consent may start at most 7 days before it is recorded unless it says when the family consented and why. */
    @Nested
    class Backdating {

        @Test
        void acceptsAStartWithinTheLimit() {
            assertThat(record(startingDaysAgo(6), permit()).status()).isEqualTo(201);
        }

        @Test
        void refusesAStartBeyondTheLimitWithoutTheDayAndTheReason() {
            var answer = record(startingDaysAgo(8), permit());
            Map<String, Object> dayOnly = startingDaysAgo(30);
            dayOnly.put("consentedOn", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString());

            assertProblem(answer, 422, "consent-backdated");
            assertThat(answer.json().get("detail").toString()).contains("more than 7 days", "period.consentedOn",
                    "period.backdatingReason");
            assertProblem(record(dayOnly, permit()), 422, "consent-backdated");
        }

        @Test
        void keepsTheDayAndTheReasonAndShowsThemInTheRecordAndItsHistory() {
            Map<String, Object> period = startingDaysAgo(30);
            String consentedOn = LocalDate.now(ZoneOffset.UTC).minusDays(31).toString();
            period.put("consentedOn", consentedOn);
            period.put("backdatingReason", "form was posted back by the family and arrived today");
            var created = record(period, permit());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = (String) created.json().get("id");

            var revised = http.put("/api/consents/" + id, service.keyWorker, Http.json(Map.of("period", startingDaysAgo(1),
                    "evidence", Map.of("kind", "SIGNED_FORM", "reference", "CF-T-NEW-" + id, "privacyNoticeVersion", "v4"),
                    "provisions", List.of(permit()))));

            assertThat(created.status()).isEqualTo(201);
            assertThat(revised.status()).as(revised.body()).isEqualTo(200);
            assertThat(revised.json().get("period").toString()).contains("consentedOn=null");
            assertThat(revised.json().get("history").toString()).contains("consentedOn=" + consentedOn,
                    "backdatingReason=form was posted back by the family and arrived today");
        }

        @Test
        void refusesAStartBeforeTheDayTheFamilyConsentedAndADayInTheFuture() {
            Map<String, Object> early = startingDaysAgo(30);
            early.put("consentedOn", LocalDate.now(ZoneOffset.UTC).minusDays(10).toString());
            early.put("backdatingReason", "form was posted back by the family and arrived today");
            Map<String, Object> future = startingDaysAgo(0);
            future.put("consentedOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
            future.put("backdatingReason", "form was posted back by the family and arrived today");
            Map<String, Object> shortReason = startingDaysAgo(30);
            shortReason.put("consentedOn", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString());
            shortReason.put("backdatingReason", "late");

            var beforeConsent = record(early, permit());
            var inFuture = record(future, permit());
            var tooShort = record(shortReason, permit());

            assertProblem(beforeConsent, 400, "validation-failed");
            assertThat(beforeConsent.body()).contains("\"field\":\"period.start\"");
            assertProblem(inFuture, 400, "validation-failed");
            assertThat(inFuture.body()).contains("\"field\":\"period.consentedOn\"");
            assertProblem(tooShort, 400, "validation-failed");
            assertThat(tooShort.body()).contains("\"field\":\"period.backdatingReason\"");
        }
    }

    /** A revision states new evidence. */
    @Nested
    class Revisions {

        @Test
        void refusesARevisionRepeatingTheEvidenceOfAnyEarlierRevision() {
            var created = record(startingDaysAgo(0), permit());
            String id = (String) created.json().get("id");
            String first = (String) http.get("/api/consents/" + id, service.keyWorker).json().get("evidence")
                    .toString().replaceAll(".*reference=([^,}]*).*", "$1");

            var same = revise(id, first);
            var second = revise(id, "CF-T-R2-" + id);
            var backToFirst = revise(id, first);

            assertProblem(same, 422, "evidence-not-new");
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertProblem(backToFirst, 422, "evidence-not-new");
            assertProblem(revise(id, "CF-T-R2-" + id), 422, "evidence-not-new");
            assertThat(http.get("/api/consents/" + id, service.keyWorker).json()).containsEntry("revision", 2);
        }

        Http.Answer revise(String id, String reference) {
            return http.put("/api/consents/" + id, service.keyWorker, Http.json(Map.of("period", startingDaysAgo(0),
                    "evidence", Map.of("kind", "SIGNED_FORM", "reference", reference, "privacyNoticeVersion", "v4"),
                    "provisions", List.of(permit()))));
        }
    }
}
