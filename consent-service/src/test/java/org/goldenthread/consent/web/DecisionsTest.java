package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.GrantRejectedException;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions and their grants over real HTTP, against consent recorded through the API. */
class DecisionsTest {

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

    /** The Hale consent is active. */
    @Nested
    class WithActiveConsent {

        @Test
        void grantVerifiesForPermittedAgencyAndNotForDeniedOne() throws Exception {
            String consentId = service.recordHale(HALE_NHS, "CF-HALE-1");
            List<LinkageToken> tokens = service.tokensOf(HALE_NHS);

            var answer = http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT",
                    List.of("housing", "mentalhealth"), List.of("HEALTH_MENTAL")));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Map<String, Object> decision = answer.json();
            assertThat(decision).containsEntry("purpose", "CASE_MANAGEMENT").containsKeys("decisionId", "expiresAt")
                    .doesNotContainKey("grant");
            String grant = grantOf(decision, "housing");
            assertThat(agencies(decision)).containsExactly(
                    Map.of("agency", "housing", "outcome", "PERMIT", "categories", List.of("HEALTH_MENTAL"),
                            "basis", "CONSENT", "recordId", consentId, "grant", grant),
                    Map.of("agency", "mentalhealth", "outcome", "DENY",
                            "reason", "consent denies HEALTH_MENTAL from mentalhealth to police"));
            AccessGrant verified = service.verifierFor("housing").verify(grant, tokens);
            assertThat(verified.id()).isEqualTo(decision.get("decisionId") + ".housing");
            assertThat(verified.requester()).isEqualTo("pc.police");
            assertThat(verified.requesterAgency()).isEqualTo("police");
            assertThat(verified.scopeOf("housing")).containsExactly(DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
            assertThat(verified.anchors()).containsExactlyInAnyOrder(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS,
                    LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);
            assertThatThrownBy(() -> service.verifierFor("mentalhealth").verify(grant, tokens))
                    .isInstanceOfSatisfying(GrantRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(GrantRejectedException.Reason.WRONG_AUDIENCE));
        }

        @Test
        void givesEachPermittedAgencyItsOwnGrantForItsOwnScopeOnly() throws Exception {
            service.recordHale("9434765137", "CF-PER-AGENCY-1");
            List<LinkageToken> tokens = service.tokensOf("9434765137");

            var answer = http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT",
                    List.of("housing", "mentalhealth", "employment"), List.of()));

            Map<String, Object> decision = answer.json();
            String decisionId = (String) decision.get("decisionId");
            for (String agency : List.of("housing", "mentalhealth", "employment")) {
                String grant = grantOf(decision, agency);
                AccessGrant verified = service.verifierFor(agency).verify(grant, tokens);
                assertThat(verified.id()).isEqualTo(decisionId + "." + agency);
                assertThat(verified.audience()).isEqualTo(agency);
                assertThat(verified.scopes()).containsOnlyKeys(agency);
                assertThat(verified.bases()).containsOnlyKeys(agency);
                assertThat(com.nimbusds.jwt.SignedJWT.parse(grant).getJWTClaimsSet().getAudience())
                        .containsExactly(agency);
                for (String other : List.of("housing", "mentalhealth", "employment")) {
                    if (!other.equals(agency)) {
                        assertThatThrownBy(() -> service.verifierFor(other).verify(grant, tokens))
                                .isInstanceOf(GrantRejectedException.class);
                    }
                }
            }
            assertThat(service.verifierFor("mentalhealth").verify(grantOf(decision, "mentalhealth"), tokens)
                    .scopeOf("mentalhealth")).doesNotContain(DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
            assertThat(service.verifierFor("housing").verify(grantOf(decision, "housing"), tokens)
                    .scopeOf("housing")).contains(DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
        }

        @Test
        void neverMatchesConsentOnFuzzyTokenAlone() {
            service.recordHale("9434765072", "CF-FUZZY-1");
            List<LinkageToken> fuzzy = service.tokensOf("9434765072").stream()
                    .filter(t -> t.getKind().name().endsWith("FUZZY_NAME_DOB_AREA")).toList();

            var answer = http.post("/decisions", police, decisionBody(fuzzy, "CASE_MANAGEMENT", List.of("housing"), List.of()));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"outcome\":\"DENY\"");
        }

        @Test
        void storesTheDecisionWithoutTokenValues() {
            service.recordHale("9434765080", "CF-LOG-1");
            List<LinkageToken> tokens = service.tokensOf("9434765080");
            var answer = http.post("/decisions", police, decisionBody(tokens, "EARLY_HELP_ASSESSMENT",
                    List.of("housing", "employment"), List.of()));

            Document stored = service.context.getBean(MongoDatabase.class).getCollection("decisions")
                    .find(Filters.eq("_id", answer.json().get("decisionId"))).first();

            assertThat(stored).isNotNull();
            assertThat(stored.get("requester", Document.class)).containsEntry("user", "pc.police")
                    .containsEntry("agency", "police");
            assertThat(stored).containsEntry("purpose", "EARLY_HELP_ASSESSMENT")
                    .containsEntry("agenciesAsked", List.of("housing", "employment"));
            assertThat(stored.getList("outcomes", Document.class)).extracting(o -> o.getString("grantId"))
                    .containsExactly(answer.json().get("decisionId") + ".housing",
                            answer.json().get("decisionId") + ".employment");
            assertThat(stored.getString("subjectDigest")).isNotBlank();
            tokens.forEach(t -> assertThat(stored.toJson()).doesNotContain(t.getValue()));
        }
    }

    /** The family limits what they agreed to: a new revision. */
    @Nested
    class AfterRevision {

        @Test
        void revisionBindsTheVeryNextDecisionAndKeepsTheEarlierOne() {
            String id = service.recordHale("9434765102", "CF-REV-1");
            String body = decisionBody(service.tokensOf("9434765102"), "CASE_MANAGEMENT", List.of("housing"), List.of());
            assertThat(http.post("/decisions", police, body).body()).contains("\"outcome\":\"PERMIT\"");

            var revised = http.put("/api/consents/" + id, keyWorker, Http.json(Map.of(
                    "period", PERIOD,
                    "evidence", Map.of("kind", "SIGNED_FORM", "reference", "CF-REV-1b", "privacyNoticeVersion", "v4"),
                    "provisions", List.of(Map.of("type", "PERMIT", "allSources", true, "recipients", List.of("council"),
                            "allPurposes", true, "allCategories", true)))));
            var after = http.post("/decisions", police, body);

            assertThat(revised.status()).as(revised.body()).isEqualTo(200);
            assertThat(revised.json()).containsEntry("revision", 2).containsEntry("status", "ACTIVE");
            assertThat(revised.json().get("history").toString()).contains("revision=1");
            assertThat(after.body()).contains("\"outcome\":\"DENY\"");
            assertProblem(http.put("/api/consents/" + id, police, Http.json(Map.of(
                    "period", PERIOD,
                    "evidence", Map.of("kind", "SIGNED_FORM", "reference", "X", "privacyNoticeVersion", "v4"),
                    "provisions", List.of(PERMIT_ALL)))), 404, "consent-not-found");
        }
    }

    /** The family withdraws consent. */
    @Nested
    class AfterWithdrawal {

        @Test
        void withdrawalMakesTheVeryNextDecisionDeny() {
            String id = service.recordHale("9434765064", "CF-WD-1");
            String body = decisionBody(service.tokensOf("9434765064"), "CASE_MANAGEMENT", List.of("housing"), List.of());
            assertThat(http.post("/decisions", police, body).body()).contains("\"outcome\":\"PERMIT\"");

            assertProblem(http.post("/api/consents/" + id + "/withdrawal", police, "{\"reason\":\"asked\"}"),
                    404, "consent-not-found");
            var withdrawn = http.post("/api/consents/" + id + "/withdrawal", keyWorker, "{\"reason\":\"family asked\"}");
            var after = http.post("/decisions", police, body);

            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            assertThat(withdrawn.json()).containsEntry("status", "WITHDRAWN").containsEntry("revision", 2);
            assertThat(withdrawn.json().get("withdrawal").toString()).contains("family asked");
            assertThat(withdrawn.json().get("history").toString()).contains("revision=1", "status=ACTIVE");
            assertThat(after.json()).containsEntry("expiresAt", null);
            assertThat(after.body()).doesNotContain("grant");
            assertThat(after.body()).contains("\"outcome\":\"DENY\"",
                    "no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT");
            assertProblem(http.post("/api/consents/" + id + "/withdrawal", keyWorker, "{\"reason\":\"again\"}"),
                    409, "consent-not-active");
        }
    }

    /** Malformed or unauthenticated decision requests. */
    @Nested
    class BadInput {

        @Test
        void refusesBadInputAsProblemNeverAServerError() {
            List<LinkageToken> tokens = service.tokensOf(HALE_NHS);
            assertProblem(http.post("/decisions", police, decisionBody(tokens, "GOSSIP", List.of("housing"), List.of())),
                    400, "unknown-purpose");
            assertProblem(http.post("/decisions", police, decisionBody(List.of(), "CASE_MANAGEMENT", List.of("housing"),
                    List.of())), 400, "validation-failed");
            assertProblem(http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT",
                    IntStream.range(0, 51).mapToObj(i -> "agency" + i).toList(), List.of())), 400, "validation-failed");
            assertProblem(http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT", List.of("housing"),
                    List.of("SHOE_SIZE"))), 400, "unknown-data-category");
            assertProblem(http.post("/decisions", police, "{\"subjectTokens\":[{\"kind\":\"DNA\",\"keyId\":\"k1\","
                    + "\"value\":\"abc\"}],\"purpose\":\"CASE_MANAGEMENT\",\"agencies\":[\"housing\"]}"), 400,
                    "validation-failed");
            assertProblem(http.post("/decisions", police, "{\"subjectTokens\":{\"$gt\":\"\"},\"purpose\":\"CASE_MANAGEMENT\","
                    + "\"agencies\":\"housing\"}"), 400, "malformed-body");
            assertProblem(http.post("/decisions", police, "not json"), 400, "malformed-body");
            var twoNhs = http.post("/decisions", police, decisionBody(List.of(tokens.get(0),
                    service.tokensOf("9434765145").get(0), tokens.get(2)), "CASE_MANAGEMENT", List.of("housing"),
                    List.of()));
            assertProblem(twoNhs, 400, "conflicting-identifiers");
            assertThat(twoNhs.json()).containsEntry("kinds", List.of("NHS"));
            assertThat(twoNhs.json().get("errors").toString()).contains("subjectTokens[0]", "subjectTokens[1]")
                    .doesNotContain("subjectTokens[2]");
            Map<String, Object> badLegacy = decisionRequest(tokens, "CASE_MANAGEMENT", List.of("housing"), List.of());
            badLegacy.put("legacyTokens", List.of(Map.of("kind", "DNA", "keyId", "k1", "value", "abc")));
            assertProblem(http.post("/decisions", police, Http.json(badLegacy)), 400, "validation-failed");
            badLegacy.put("legacyTokens", java.util.Collections.nCopies(5, Map.of("kind", "NAME_DOB", "keyId", "k1",
                    "value", "abc")));
            assertProblem(http.post("/decisions", police, Http.json(badLegacy)), 400, "validation-failed");
            assertProblem(http.post("/decisions", null, decisionBody(tokens, "CASE_MANAGEMENT", List.of("housing"),
                    List.of())), 401, "unauthenticated");
        }
    }
}
