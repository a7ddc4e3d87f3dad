package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The review queue of each source agency, acknowledgement gating in decisions, withdrawal notices, and who reads
 * consent records, over HTTP against the booted service.
 */
class ConsentReviewsTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;
    static String keyWorker;
    static String police;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data, "--logging.level.org.goldenthread.consent.audit=INFO");
        http = service.http;
        keyWorker = service.keyWorker;
        police = service.police;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static String record(String nhs, String reference, List<Map<String, Object>> provisions) {
        Map<String, Object> subject = Map.of("nhsNumber", nhs);
        var created = http.post("/api/consents", keyWorker, consent(subject, PERIOD, "SIGNED_FORM", reference, provisions));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    /** mentalhealth may share its HOUSING and HEALTH_MENTAL records with police for case management. */
    static Map<String, Object> mentalHealthToPolice() {
        return Map.of("type", "PERMIT", "sources", List.of("mentalhealth"), "recipients", List.of("police"),
                "purposes", List.of("CASE_MANAGEMENT"), "categories", List.of("HOUSING", "HEALTH_MENTAL"));
    }

    static Map<String, Object> ask(String nhs, String agency) {
        var answer = http.post("/decisions", police, decisionBody(service.tokensOf(nhs), "CASE_MANAGEMENT",
                List.of(agency), List.of()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return agencies(answer.json()).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> queue(String agency, String status) {
        var answer = http.get("/api/consents/consent-reviews?status=" + status, service.dpo(agency));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.json().get("items");
    }

    static Map<String, Object> item(String agency, String id) {
        return queue(agency, "ALL").stream().filter(i -> i.get("consentId").equals(id)
                && !"RELIED_ON".equals(i.get("kind"))).findFirst().orElse(null);
    }

    /** Every new, revised or withdrawn consent is in the queue of each source it names. */
    @Nested
    class Queue {

        @Test
        void aNamedSourceSeesTheConsentPendingAndAnAgencyNotNamedDoesNot() {
            String id = record("9434765870", "CF-Q-1", List.of(mentalHealthToPolice()));

            assertThat(queue("mentalhealth", "PENDING")).anySatisfy(i -> assertThat(i)
                    .containsEntry("id", id + ".r1").containsEntry("kind", "RECORDED").containsEntry("status", "PENDING")
                    .containsEntry("recordedByAgency", "council").containsEntry("acknowledgementNeeded", true));
            assertThat(item("housing", id)).isNull();
            assertThat(item("police", id)).isNull();
            assertProblem(http.post("/api/consents/consent-reviews/" + id + ".r1/acknowledgement", service.dpo("housing"),
                    "{}"), 404, "consent-review-not-found");
        }

        @Test
        void explicitAllSourcesReachesEveryAgencyIncludingOneThatJoinsLater() {
            String id = record("9434765005", "CF-Q-2", List.of(PERMIT_ALL));

            for (String agency : List.of("council", "housing", "employment", "newcomer")) {
                assertThat(item(agency, id)).as(agency).containsEntry("status", "PENDING")
                        .containsEntry("acknowledgementNeeded", true);
            }
        }

        @Test
        void theFirstAcknowledgementStandsAndOnlyTheCurrentRevisionCanBeAcknowledged() {
            String id = record("9434765919", "CF-Q-3", List.of(mentalHealthToPolice()));
            String path = "/api/consents/consent-reviews/" + id + ".r1/acknowledgement";

            var first = http.post(path, service.dpo("mentalhealth"), "{\"note\":\"checked with the family's worker\"}");
            var again = http.post(path, service.identity.token("dpo2.mentalhealth", "mentalhealth", "DPO"), "{}");

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json()).containsEntry("status", "ACKNOWLEDGED").containsEntry("acknowledgedBy",
                    "dpo.mentalhealth").containsEntry("note", "checked with the family's worker");
            assertProblem(again, 409, "already-acknowledged");
            assertThat(queue("mentalhealth", "PENDING")).noneMatch(i -> i.get("consentId").equals(id));
            assertProblem(http.post("/api/consents/consent-reviews/" + id + ".r2/acknowledgement",
                    service.dpo("mentalhealth"), "{}"), 409, "consent-revised");
            for (String bad : List.of(id + ".rx", id, "nope", id + ".r99999999999", "%2e")) {
                assertThat(http.post("/api/consents/consent-reviews/" + bad + "/acknowledgement",
                        service.dpo("mentalhealth"), "{}").status()).as(bad).isIn(400, 404, 409);
            }
            assertProblem(http.post(path, keyWorker, "{}"), 403, "forbidden");
            assertProblem(http.get("/api/consents/consent-reviews?status=SOME", service.dpo("mentalhealth")), 400,
                    "validation-failed");
        }

        @Test
        void whoeverMadeTheRevisionCannotAcknowledgeIt() {
            String both = service.identity.token("kw.dpo.council", "council", "KEY_WORKER", "DPO");
            var created = http.post("/api/consents", both, consent(Map.of("nhsNumber", "9434765129"), PERIOD,
                    "SIGNED_FORM", "CF-Q-4", List.of(PERMIT_ALL)));
            String id = (String) created.json().get("id");
            String path = "/api/consents/consent-reviews/" + id + ".r1/acknowledgement";

            assertProblem(http.post(path, both, "{}"), 403, "own-revision");
            assertThat(item("council", id)).containsEntry("status", "PENDING");
            assertThat(http.post(path, service.dpo("council"), "{}").status()).isEqualTo(200);
        }

        @Test
        void theAcknowledgingRoleIsTheOneConfigured() throws Exception {
            try (RunningConsentService guardian = RunningConsentService.boot(data.resolve("guardian"),
                    "--goldenthread.consent.acknowledgement.roles=CALDICOTT_GUARDIAN")) {
                var asDpo = guardian.http.get("/api/consents/consent-reviews", guardian.dpo("council"));
                var asGuardian = guardian.http.get("/api/consents/consent-reviews",
                        guardian.identity.token("cg.council", "council", "CALDICOTT_GUARDIAN"));

                assertProblem(asDpo, 403, "forbidden");
                assertThat(asGuardian.status()).as(asGuardian.body()).isEqualTo(200);
            }
        }
    }

    /** A source's special-category data, or anything under an explicit all, waits for the source's acknowledgement. */
    @Nested
    class Gating {

        @Test
        void specialCategoryDataWaitsForTheSourceOrdinaryDataDoesNot() {
            String nhs = "9434765048";
            String id = record(nhs, "CF-G-1", List.of(mentalHealthToPolice()));

            var before = ask(nhs, "mentalhealth");
            service.acknowledge(id, 1, "mentalhealth");
            var after = ask(nhs, "mentalhealth");

            assertThat(before).containsEntry("outcome", "PERMIT").containsEntry("categories", List.of("HOUSING"));
            assertThat(after.get("categories").toString()).contains("HOUSING", "HEALTH_MENTAL");
        }

        @Test
        void anExplicitAllReleasesNothingUntilAcknowledgedAndTheDenySaysWhoMustAcknowledge() {
            String nhs = "9434765056";
            String id = record(nhs, "CF-G-2", List.of(PERMIT_ALL));

            var before = ask(nhs, "housing");
            service.acknowledge(id, 1, "mentalhealth");
            var otherSource = ask(nhs, "housing");
            service.acknowledge(id, 1, "housing");
            var after = ask(nhs, "housing");

            assertThat(before).containsEntry("outcome", "DENY").doesNotContainKey("grant");
            assertThat((String) before.get("reason")).startsWith("the release waits for housing's data-protection "
                    + "officer to acknowledge the consent recorded by council");
            assertThat(otherSource).containsEntry("outcome", "DENY");
            assertThat(after).containsEntry("outcome", "PERMIT").containsKey("grant");
        }

        @Test
        void aRevisionNeedsANewAcknowledgementAndShowsAsRevised() {
            String nhs = "9434765064";
            String id = record(nhs, "CF-G-3", List.of(PERMIT_ALL));
            service.acknowledge(id, 1, "housing");
            assertThat(ask(nhs, "housing")).containsEntry("outcome", "PERMIT");

            var revised = http.put("/api/consents/" + id, keyWorker, Http.json(Map.of("period", PERIOD,
                    "evidence", Map.of("kind", "SIGNED_FORM", "reference", "CF-G-3b", "privacyNoticeVersion", "v4"),
                    "provisions", List.of(PERMIT_ALL))));

            assertThat(revised.status()).as(revised.body()).isEqualTo(200);
            assertThat(ask(nhs, "housing")).containsEntry("outcome", "DENY");
            assertThat(item("housing", id)).containsEntry("id", id + ".r2").containsEntry("kind", "REVISED")
                    .containsEntry("status", "PENDING");
            service.acknowledge(id, 2, "housing");
            assertThat(ask(nhs, "housing")).containsEntry("outcome", "PERMIT");
        }

        @Test
        void whatTheRegistryMarksSensitiveForTheSourceWaitsToo() {
            String nhs = "9434765110";
            String id = record(nhs, "CF-G-5", List.of(Map.of("type", "PERMIT", "sources", List.of("housing"),
                    "recipients", List.of("police"), "purposes", List.of("CASE_MANAGEMENT"),
                    "categories", List.of("HOUSING", "FINANCE"))));
            service.identity.registry(TestIdentity.DEMO_REGISTRY.replace(TestIdentity.agency("housing", "[]", "[]"),
                    TestIdentity.agency("housing", "[\"FINANCE\"]", "[]")));
            service.context.getBean(org.goldenthread.consent.registry.AgencyProfiles.class).refresh();
            try {
                var before = ask(nhs, "housing");
                service.acknowledge(id, 1, "housing");
                var after = ask(nhs, "housing");

                assertThat(before).containsEntry("categories", List.of("HOUSING"));
                assertThat(after.get("categories").toString()).contains("HOUSING", "FINANCE");
                assertThat(item("housing", id)).containsEntry("acknowledgementNeeded", true);
            } finally {
                service.identity.registry(TestIdentity.DEMO_REGISTRY);
                service.context.getBean(org.goldenthread.consent.registry.AgencyProfiles.class).refresh();
            }
        }

        @Test
        void anUnacknowledgedDenyAppliesAtOnce() {
            String nhs = "9434765072";
            String permit = record(nhs, "CF-G-4", List.of(mentalHealthToPolice()));
            service.acknowledge(permit, 1, "mentalhealth");
            record(nhs, "CF-G-4-DENY", List.of(Map.of("type", "DENY", "sources", List.of("mentalhealth"),
                    "allRecipients", true, "allPurposes", true, "categories", List.of("HEALTH_MENTAL"))));

            assertThat(ask(nhs, "mentalhealth")).containsEntry("categories", List.of("HOUSING"));
        }
    }

    /** Withdrawal binds at once and tells every agency whose decisions relied on the consent. */
    @Nested
    class Withdrawal {

        @Test
        @SuppressWarnings("unchecked")
        void bindsTheNextDecisionAndNoticesTheRecipientAndTheSourcesThatReleased() {
            String nhs = "9434765080";
            String id = record(nhs, "CF-W-1", List.of(PERMIT_ALL));
            service.acknowledge(id, 1, "housing");
            var permitted = http.post("/decisions", police, decisionBody(service.tokensOf(nhs), "CASE_MANAGEMENT",
                    List.of("housing", "employment"), List.of()));
            String decisionId = (String) permitted.json().get("decisionId");
            assertThat(agencies(permitted.json())).extracting(a -> a.get("agency") + ":" + a.get("outcome"))
                    .containsExactly("housing:PERMIT", "employment:DENY");

            var withdrawn = http.post("/api/consents/" + id + "/withdrawal", keyWorker, "{\"reason\":\"family asked\"}");

            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            assertThat(ask(nhs, "housing")).containsEntry("outcome", "DENY");
            for (String agency : List.of("police", "housing")) {
                assertThat(queue(agency, "PENDING")).as(agency).anySatisfy(i -> {
                    assertThat(i).containsEntry("id", id + ".relied-on").containsEntry("kind", "RELIED_ON")
                            .containsEntry("decisionCount", 1);
                    assertThat((List<String>) i.get("decisionIds")).containsExactly(decisionId);
                });
            }
            assertThat(queue("employment", "ALL")).noneMatch(i -> "RELIED_ON".equals(i.get("kind")));
            assertThat(queue("council", "ALL")).noneMatch(i -> "RELIED_ON".equals(i.get("kind")));
            assertThat(item("employment", id)).containsEntry("kind", "WITHDRAWN")
                    .containsEntry("acknowledgementNeeded", false);

            String path = "/api/consents/consent-reviews/" + id + ".relied-on/acknowledgement";
            assertThat(http.post(path, service.dpo("police"), "{}").json()).containsEntry("status", "ACKNOWLEDGED");
            assertProblem(http.post(path, service.dpo("police"), "{}"), 409, "already-acknowledged");
            assertProblem(http.post(path, service.dpo("employment"), "{}"), 404, "consent-review-not-found");
        }
    }

    /** A DPO reads their own agency's records and those naming it; every read across agencies is audited. */
    @Nested
    class WhoReads {

        @Test
        void aDpoReadsOwnAndNamingRecordsOnlyAndCrossAgencyReadsAreAudited() {
            ListAppender<ILoggingEvent> audit = new ListAppender<>();
            audit.start();
            Logger auditLogger = (Logger) LoggerFactory.getLogger("org.goldenthread.consent.audit");
            auditLogger.addAppender(audit);
            try {
                String id = record("9434765099", "CF-R-1", List.of(mentalHealthToPolice()));
                String everyone = record("9434765102", "CF-R-2", List.of(PERMIT_ALL));

                assertThat(http.get("/api/consents/" + id, service.dpo("council")).status()).isEqualTo(200);
                assertThat(http.get("/api/consents/" + id, service.dpo("mentalhealth")).status()).isEqualTo(200);
                assertThat(http.get("/api/consents/" + id + "/fhir", service.dpo("police")).status()).isEqualTo(200);
                assertProblem(http.get("/api/consents/" + id, service.dpo("employment")), 404, "consent-not-found");
                assertProblem(http.get("/api/consents/" + id + "/fhir", service.dpo("employment")), 404,
                        "consent-not-found");
                assertThat(http.post("/api/consents/fhir", service.dpo("employment"),
                        "{\"subject\":{\"nhsNumber\":\"9434765099\"}}").json()).containsEntry("total", 0);
                assertThat(http.get("/api/consents/" + everyone, service.dpo("employment")).status()).isEqualTo(200);

                MongoDatabase db = service.context.getBean(MongoDatabase.class);
                List<Document> reads = db.getCollection("consent_reads").find(Filters.in("consentId", id, everyone))
                        .into(new java.util.ArrayList<>());
                assertThat(reads).extracting(d -> d.getString("consentId") + ":" + d.getString("agency") + ":"
                        + d.getString("user") + ":" + d.getString("view")).containsExactlyInAnyOrder(
                        id + ":mentalhealth:dpo.mentalhealth:record", id + ":police:dpo.police:fhir",
                        everyone + ":employment:dpo.employment:record");
                assertThat(reads).allSatisfy(d -> assertThat(d.getDate("at")).isNotNull());

                List<ILoggingEvent> lines = audit.list.stream()
                        .filter(e -> e.getFormattedMessage().contains(id) || e.getFormattedMessage().contains(everyone))
                        .filter(e -> e.getFormattedMessage().contains("read by")).toList();
                assertThat(lines).hasSize(3);
                lines.forEach(e -> {
                    assertThat(e.getFormattedMessage()).doesNotContain("dpo.");
                    assertThat(String.valueOf(e.getKeyValuePairs())).doesNotContain("dpo.");
                });
            } finally {
                auditLogger.detachAppender(audit);
            }
        }
    }
}
