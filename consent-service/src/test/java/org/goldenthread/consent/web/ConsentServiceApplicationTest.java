package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.goldenthread.consent.ConsentServiceApplication;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.GrantRejectedException;
import org.goldenthread.federation.grant.GrantVerifier;
import org.goldenthread.federation.linkage.LinkageKey;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The real application over real HTTP: consent records, decisions, grants, and its refusals. */
class ConsentServiceApplicationTest {

    static final String HALE_NHS = "9434765919";

    @TempDir
    static Path data;
    static TestIdentity identity;
    static ConfigurableApplicationContext context;
    static Http http;
    static LinkageTokens linkage;
    static String keyWorker;
    static String police;

    @BeforeAll
    static void boot() throws Exception {
        identity = TestIdentity.start();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = Base64.getEncoder().encodeToString(secret);
        linkage = new LinkageTokens(LinkageKey.fromBase64("k1", key));
        context = ConsentServiceApplication.application().run(
                "--server.port=0", "--goldenthread.store.data-dir=" + data,
                "--goldenthread.identity.url=" + identity.url(),
                "--goldenthread.linkage.key-id=k1", "--goldenthread.linkage.key=" + key,
                "--logging.structured.format.console=", "--logging.level.root=WARN");
        http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
        keyWorker = identity.token("kw.council", "council", "KEY_WORKER");
        police = identity.token("pc.police", "police", "KEY_WORKER");
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        identity.close();
    }

    /** The Hale consent (DOMAIN.md): all partners for early help and case management, no mental-health detail to police. */
    static String haleConsent(String nhs, String reference) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("nhsNumber", nhs);
        subject.put("nationalInsuranceNumber", null);
        subject.put("familyName", "Hale");
        subject.put("givenName", givenName(nhs));
        subject.put("dateOfBirth", "2007-03-14");
        subject.put("postcode", "LS6 2AB");
        return consent(subject, Map.of("start", "2026-01-01T00:00:00Z"), "SIGNED_FORM", reference, List.of(
                Map.of("type", "PERMIT", "sources", List.of(), "recipients", List.of(),
                        "purposes", List.of("EARLY_HELP_ASSESSMENT", "CASE_MANAGEMENT"), "categories", List.of()),
                Map.of("type", "DENY", "sources", List.of("mentalhealth"), "recipients", List.of("police"),
                        "purposes", List.of(), "categories", List.of("HEALTH_MENTAL"))));
    }

    static String consent(Map<String, Object> subject, Map<String, Object> period, String evidenceKind,
            String reference, List<Map<String, Object>> provisions) {
        return Http.json(Map.of("subject", subject, "period", period,
                "evidence", Map.of("kind", evidenceKind, "reference", reference, "privacyNoticeVersion", "v3"),
                "provisions", provisions));
    }

    /** Each test's subject is another Hale, so name-and-birth-date tokens never link tests to each other. */
    static String givenName(String nhs) {
        return "Tom" + nhs.substring(6).chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0')))
                .reduce("", String::concat);
    }

    static List<LinkageToken> tokensOf(String nhs) {
        return linkage.tokensFor(new PersonIdentifiers(nhs, null, "Hale", givenName(nhs), LocalDate.of(2007, 3, 14), "LS6 2AB"));
    }

    static String decisionBody(List<LinkageToken> tokens, String purpose, List<String> agencies, List<String> categories) {
        List<Map<String, String>> sent = tokens.stream().map(t -> Map.of(
                "kind", t.getKind().name().substring("LINKAGE_TOKEN_KIND_".length()),
                "keyId", t.getKeyId(), "value", t.getValue())).toList();
        return Http.json(Map.of("subjectTokens", sent, "purpose", purpose, "agencies", agencies, "categories", categories));
    }

    static String recordHale(String nhs, String reference) {
        var created = http.post("/api/consents", keyWorker, haleConsent(nhs, reference));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    static GrantVerifier verifierFor(String agency) {
        return GrantVerifier.forJwksUri(agency, URI.create("http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort() + "/.well-known/jwks.json"),
                Duration.ofSeconds(2));
    }

    static void assertProblem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).as(String.valueOf(answer.contentType())).isTrue();
        assertThat(answer.json()).containsEntry("code", code);
        assertThat(answer.body()).doesNotContain("Exception");
    }

    @Nested
    class RecordingConsent {

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
            tokensOf("9434765870").forEach(t -> assertThat(read.body()).doesNotContain(t.getValue()));
            assertThat(read.body()).doesNotContain("9434765870", "Hale", "2007-03-14", "LS6", "tokens");
        }

        @Test
        void answersDuplicateReferenceWithTheExistingRecord() {
            String first = recordHale("9434765005", "CF-DUP-1");

            var again = http.post("/api/consents", keyWorker, haleConsent("9434765005", "CF-DUP-1"));

            assertProblem(again, 409, "duplicate-consent");
            assertThat(again.json()).containsEntry("consentId", first);
        }

        @Test
        void refusesUserWithoutRecordingRole() {
            var answer = http.post("/api/consents", identity.token("dpo1", "council", "DPO"),
                    haleConsent("9434765013", "CF-ROLE-1"));
            assertProblem(answer, 403, "forbidden");
        }

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
        void answersUnknownOrForeignRecordAsNotFound() {
            String id = recordHale("9434765048", "CF-404-1");
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

    @Nested
    class Deciding {

        @Test
        void grantVerifiesForPermittedAgencyAndNotForDeniedOne() throws Exception {
            String consentId = recordHale(HALE_NHS, "CF-HALE-1");
            List<LinkageToken> tokens = tokensOf(HALE_NHS);

            var answer = http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT",
                    List.of("housing", "mentalhealth"), List.of("HEALTH_MENTAL")));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Map<String, Object> decision = answer.json();
            assertThat(decision).containsEntry("purpose", "CASE_MANAGEMENT").containsKeys("decisionId", "expiresAt");
            assertThat(decision.get("agencies")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly(
                            Map.of("agency", "housing", "outcome", "PERMIT", "categories", List.of("HEALTH_MENTAL"),
                                    "basis", "CONSENT", "recordId", consentId),
                            Map.of("agency", "mentalhealth", "outcome", "DENY",
                                    "reason", "consent denies HEALTH_MENTAL from mentalhealth to police"));
            String grant = (String) decision.get("grant");
            AccessGrant verified = verifierFor("housing").verify(grant, tokens);
            assertThat(verified.id()).isEqualTo(decision.get("decisionId"));
            assertThat(verified.requester()).isEqualTo("pc.police");
            assertThat(verified.requesterAgency()).isEqualTo("police");
            assertThat(verified.scopeOf("housing")).containsExactly(DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
            assertThatThrownBy(() -> verifierFor("mentalhealth").verify(grant, tokens))
                    .isInstanceOfSatisfying(GrantRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(GrantRejectedException.Reason.WRONG_AUDIENCE));
        }

        @Test
        void withdrawalMakesTheVeryNextDecisionDeny() {
            String id = recordHale("9434765064", "CF-WD-1");
            String body = decisionBody(tokensOf("9434765064"), "CASE_MANAGEMENT", List.of("housing"), List.of());
            assertThat(http.post("/decisions", police, body).body()).contains("\"outcome\":\"PERMIT\"");

            assertProblem(http.post("/api/consents/" + id + "/withdrawal", police, "{\"reason\":\"asked\"}"),
                    403, "not-recording-agency");
            var withdrawn = http.post("/api/consents/" + id + "/withdrawal", keyWorker, "{\"reason\":\"family asked\"}");
            var after = http.post("/decisions", police, body);

            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            assertThat(withdrawn.json()).containsEntry("status", "WITHDRAWN").containsEntry("revision", 2);
            assertThat(withdrawn.json().get("withdrawal").toString()).contains("family asked");
            assertThat(withdrawn.json().get("history").toString()).contains("revision=1", "status=ACTIVE");
            assertThat(after.json()).containsEntry("grant", null);
            assertThat(after.body()).contains("\"outcome\":\"DENY\"",
                    "no consent covers housing sharing with police for CASE_MANAGEMENT");
            assertProblem(http.post("/api/consents/" + id + "/withdrawal", keyWorker, "{\"reason\":\"again\"}"),
                    409, "consent-not-active");
        }

        @Test
        void neverMatchesConsentOnFuzzyTokenAlone() {
            recordHale("9434765072", "CF-FUZZY-1");
            List<LinkageToken> fuzzy = tokensOf("9434765072").stream()
                    .filter(t -> t.getKind().name().endsWith("FUZZY_NAME_DOB_AREA")).toList();

            var answer = http.post("/decisions", police, decisionBody(fuzzy, "CASE_MANAGEMENT", List.of("housing"), List.of()));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"outcome\":\"DENY\"");
        }

        @Test
        void storesTheDecisionWithoutTokenValues() {
            recordHale("9434765080", "CF-LOG-1");
            List<LinkageToken> tokens = tokensOf("9434765080");
            var answer = http.post("/decisions", police, decisionBody(tokens, "EARLY_HELP_ASSESSMENT",
                    List.of("housing", "employment"), List.of()));

            Document stored = context.getBean(MongoDatabase.class).getCollection("decisions")
                    .find(Filters.eq("_id", answer.json().get("decisionId"))).first();

            assertThat(stored).isNotNull();
            assertThat(stored.get("requester", Document.class)).containsEntry("user", "pc.police")
                    .containsEntry("agency", "police");
            assertThat(stored).containsEntry("purpose", "EARLY_HELP_ASSESSMENT")
                    .containsEntry("agenciesAsked", List.of("housing", "employment"))
                    .containsEntry("grantId", answer.json().get("decisionId"));
            assertThat(stored.getString("subjectDigest")).isNotBlank();
            tokens.forEach(t -> assertThat(stored.toJson()).doesNotContain(t.getValue()));
        }

        @Test
        void refusesBadInputAsProblemNeverAServerError() {
            List<LinkageToken> tokens = tokensOf(HALE_NHS);
            assertProblem(http.post("/decisions", police, decisionBody(tokens, "GOSSIP", List.of("housing"), List.of())),
                    400, "unknown-purpose");
            assertProblem(http.post("/decisions", police, decisionBody(List.of(), "CASE_MANAGEMENT", List.of("housing"),
                    List.of())), 400, "validation-failed");
            assertProblem(http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT",
                    IntStream.range(0, 21).mapToObj(i -> "agency" + i).toList(), List.of())), 400, "validation-failed");
            assertProblem(http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT", List.of("housing"),
                    List.of("SHOE_SIZE"))), 400, "unknown-data-category");
            assertProblem(http.post("/decisions", police, "{\"subjectTokens\":[{\"kind\":\"DNA\",\"keyId\":\"k1\","
                    + "\"value\":\"abc\"}],\"purpose\":\"CASE_MANAGEMENT\",\"agencies\":[\"housing\"]}"), 400,
                    "validation-failed");
            assertProblem(http.post("/decisions", police, "{\"subjectTokens\":{\"$gt\":\"\"},\"purpose\":\"CASE_MANAGEMENT\","
                    + "\"agencies\":\"housing\"}"), 400, "malformed-body");
            assertProblem(http.post("/decisions", police, "not json"), 400, "malformed-body");
            assertProblem(http.post("/decisions", null, decisionBody(tokens, "CASE_MANAGEMENT", List.of("housing"),
                    List.of())), 401, "unauthenticated");
        }
    }

    @Test
    void publishesTheGrantSigningKeys() {
        var jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"EC\"", "\"crv\":\"P-256\"").doesNotContain("\"d\":");
    }
}
