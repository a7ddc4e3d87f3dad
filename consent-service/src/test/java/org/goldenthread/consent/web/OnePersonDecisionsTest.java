package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.consent.consent.ConsentService;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.NewConsent;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "One person, one decision" (issue 13) over real HTTP: identifiers of two people, denies found through
 * another identifier or a legacy token, and the bound on records. Booted with the burst limit raised (so a
 * flood can be recorded at all) and a small record bound (so exceeding it costs few recordings).
 */
class OnePersonDecisionsTest {

    static final int MAX_RECORDS = 230;

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;
    static String keyWorker;
    static String police;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data, "--goldenthread.consent.burst.max-per-subject=1000",
                "--goldenthread.consent.decision.max-records=" + MAX_RECORDS);
        http = service.http;
        keyWorker = service.keyWorker;
        police = service.police;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static Map<String, Object> subject(String nhs, String family, String given, String dateOfBirth) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("nhsNumber", nhs);
        subject.put("familyName", family);
        subject.put("givenName", given);
        subject.put("dateOfBirth", dateOfBirth);
        return subject;
    }

    static final Map<String, Object> PERMIT_CASE_MANAGEMENT = Map.of("type", "PERMIT", "allSources", true,
            "allRecipients", true, "purposes", List.of("CASE_MANAGEMENT"), "allCategories", true);
    static final Map<String, Object> DENY_HOUSING = provision("DENY", List.of("housing"));

    static String record(Map<String, Object> subject, String reference, Map<String, Object> provision) {
        var created = http.post("/api/consents", keyWorker, consent(subject, PERIOD,
                "SIGNED_FORM", reference, List.of(provision)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // Acknowledged by housing, the source these tests ask: they are about whose records apply, not review.
        service.acknowledge((String) created.json().get("id"), 1, "housing");
        return (String) created.json().get("id");
    }

    List<LinkageToken> tokens(Map<String, Object> subject) {
        return service.linkage.tokensFor(new PersonIdentifiers((String) subject.get("nhsNumber"), null,
                (String) subject.get("familyName"), (String) subject.get("givenName"),
                subject.get("dateOfBirth") == null ? null : LocalDate.parse((String) subject.get("dateOfBirth")), null));
    }

    static Map<String, Object> housing(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return agencies(answer.json()).stream().filter(a -> a.get("agency").equals("housing")).findFirst().orElseThrow();
    }

    Http.Answer ask(List<LinkageToken> tokens) {
        return http.post("/decisions", police, decisionBody(tokens, "CASE_MANAGEMENT", List.of("housing"), List.of()));
    }

    /** Person A's NHS number with person B's name and date of birth. */
    @Nested
    class IdentifiersOfTwoPeople {

        @Test
        void areRefusedWith422NamingTheKindsAndLoggedAsRefused() {
            var a = subject("9434765919", "Ames", "Alice", "1990-01-01");
            var b = subject("4010232137", "Burke", "Bella", "1985-05-05");
            record(a, "CF-A-1", PERMIT_CASE_MANAGEMENT);
            record(b, "CF-B-1", PERMIT_CASE_MANAGEMENT);
            LinkageToken nhsOfA = tokens(a).get(0);
            LinkageToken nameOfB = tokens(b).stream()
                    .filter(t -> t.getKind() == LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB).findFirst().orElseThrow();

            var answer = ask(List.of(nhsOfA, nameOfB));

            assertProblem(answer, 422, "identifiers-disagree");
            assertThat(answer.json()).containsEntry("kinds", List.of("NAME_DOB", "NHS"));
            assertThat(answer.json().get("errors").toString()).contains("subjectTokens[0]", "subjectTokens[1]");
            assertThat(answer.json().get("detail").toString()).contains("different people");
            assertThat(answer.body()).doesNotContain("grant\"", nhsOfA.getValue(), nameOfB.getValue());
            Document logged = service.context.getBean(MongoDatabase.class).getCollection("decisions")
                    .find(Filters.eq("_id", answer.json().get("decisionId"))).first();
            assertThat(logged).isNotNull().containsEntry("refusal", "identifiers-disagree");
            assertThat(logged.getList("outcomes", Document.class)).singleElement()
                    .satisfies(o -> assertThat(o).containsEntry("outcome", "DENY").containsEntry("grantId", null));
            // Each person's own identifiers still decide as before.
            assertThat(housing(ask(tokens(a)))).containsEntry("outcome", "PERMIT");
            assertThat(housing(ask(List.of(nameOfB)))).containsEntry("outcome", "PERMIT");
        }
    }

    /** A deny recorded under one identifier, asked about with another. */
    @Nested
    class DenyUnderAnotherIdentifier {

        @Test
        void appliesOnceAnotherRecordLinksTheTwo() {
            var byName = subject(null, "Cole", "Casey", "2001-02-03");
            var byNhs = subject("9434765870", null, null, null);
            record(byName, "CF-C-PERMIT", PERMIT_CASE_MANAGEMENT);
            record(byNhs, "CF-C-DENY", DENY_HOUSING);
            List<LinkageToken> nameOnly = tokens(byName);
            // Nothing consent-service holds says the NHS number and the name are one person's yet.
            assertThat(housing(ask(nameOnly))).containsEntry("outcome", "PERMIT");

            record(subject("9434765870", "Cole", "Casey", "2001-02-03"), "CF-C-LINK",
                    Map.of("type", "PERMIT", "allSources", true, "allRecipients", true, "purposes",
                            List.of("COORDINATION"), "allCategories", true));

            assertThat(housing(ask(nameOnly))).containsEntry("outcome", "DENY")
                    .containsEntry("reason", "consent denies all sharing from housing to police");
            assertThat(housing(ask(tokens(byNhs)))).containsEntry("outcome", "DENY");
        }

        @Test
        void appliesDirectlyWhereTheRequestSharesItsToken() {
            var person = subject("9434765102", "Dale", "Dana", "1999-09-09");
            record(person, "CF-D-PERMIT", PERMIT_CASE_MANAGEMENT);
            record(subject(null, "Dale", "Dana", "1999-09-09"), "CF-D-DENY", DENY_HOUSING);

            assertThat(housing(ask(tokens(person)))).containsEntry("outcome", "DENY");
            assertThat(housing(ask(tokens(person).subList(0, 1)))).as("NHS only: linked through the first record")
                    .containsEntry("outcome", "DENY");
        }
    }

    @Nested
    class GrantsCarryTheirBasis {

        @Test
        void aConsentGrantNamesTheRecordsIdentityHashedAndTheKindsItSharesWithTheRequest() throws Exception {
            var person = subject("4505577104", "Eve", "Erin", "1988-08-08");
            record(person, "CF-E-PERMIT", PERMIT_CASE_MANAGEMENT);
            List<LinkageToken> nameOnly = tokens(subject(null, "Eve", "Erin", "1988-08-08"));

            var claims = com.nimbusds.jwt.SignedJWT.parse((String) housing(ask(nameOnly)).get("grant")).getJWTClaimsSet();

            assertThat(claims.getAudience()).containsExactly("housing");
            assertThat(claims.getStringListClaim("anchors")).containsExactly("NAME_DOB");
            // The NHS number the request left out is in the grant, hashed: the node checks its person against it.
            List<LinkageToken> identity = org.goldenthread.federation.linkage.TokenHashes.hashAll(tokens(person));
            assertThat(claims.getStringListClaim("basisIdentity")).containsExactlyInAnyOrderElementsOf(
                    identity.stream().map(org.goldenthread.federation.linkage.TokenHashes::text).toList());
            assertThat(claims.toString()).doesNotContain(tokens(person).get(0).getValue());
        }
    }

    /** Throw-away permits recorded to bury a deny. */
    @Nested
    class ManyPermits {

        @Test
        void twoHundredAndOnePermitsDoNotDisplaceAnOlderDeny() {
            var person = subject("9434765064", "Eyre", "Eli", "1970-07-07");
            record(person, "CF-E-DENY", DENY_HOUSING);
            for (int i = 0; i < 201; i++) {
                record(person, "CF-E-PERMIT-" + i, PERMIT_CASE_MANAGEMENT);
            }

            assertThat(housing(ask(tokens(person)))).containsEntry("outcome", "DENY")
                    .containsEntry("reason", "consent denies all sharing from housing to police");
        }

        @Test
        void moreRecordsThanTheBoundIsADenyWithAReasonNeverATruncation() {
            var person = subject("9434765072", "Frost", "Fay", "1960-06-06");
            for (int i = 0; i <= MAX_RECORDS; i++) {
                record(person, "CF-F-PERMIT-" + i, PERMIT_CASE_MANAGEMENT);
            }

            var answer = ask(tokens(person));

            assertThat(housing(answer)).containsEntry("outcome", "DENY")
                    .containsEntry("reason", "more than " + MAX_RECORDS + " consent records are linked to this "
                            + "person's identifiers: refused rather than decided on some of them (a DPO can review "
                            + "the records)");
            assertThat(answer.json()).containsEntry("expiresAt", null);
            assertThat(answer.body()).doesNotContain("grant");
        }
    }

    /** Records stored before name normalisation version 2 (Łukasz was then UKASZ). */
    @Nested
    class LegacyTokens {

        final PersonIdentifiers lukasz = new PersonIdentifiers("9434765080", null, "Łukasiewicz", "Łukasz",
                LocalDate.of(1995, 4, 4), null);

        /** An old record, filed under the version-1 name token (as the store kept it before). */
        String recordOld(List<LinkageToken> tokens, String reference, Provision provision) {
            String id = service.context.getBean(ConsentService.class).record(new NewConsent(tokens,
                    Instant.parse("2026-01-01T00:00:00Z"), null,
                    new Evidence(EvidenceKind.SIGNED_FORM, reference, null, "v3"), List.of(provision), "kw.council",
                    "council", LocalDate.parse("2026-01-01"), "signed in January, entered late"),
                    new Requester("kw.council", "council", List.of("KEY_WORKER"))).id();
            service.acknowledge(id, 1, "housing");
            return id;
        }

        Map<String, Object> askWithLegacy(List<LinkageToken> tokens, List<LinkageToken> legacy) {
            Map<String, Object> request = decisionRequest(tokens, "CASE_MANAGEMENT", List.of("housing"), List.of());
            request.put("legacyTokens", legacy.stream().map(t -> Map.of("kind", "NAME_DOB", "keyId", t.getKeyId(),
                    "value", t.getValue())).toList());
            var answer = http.post("/decisions", police, Http.json(request));
            return housing(answer);
        }

        @Test
        void aDenyFoundOnlyThroughALegacyTokenApplies() {
            List<LinkageToken> legacy = service.linkage.legacyTokensFor(lukasz);
            List<LinkageToken> current = service.linkage.tokensFor(lukasz);
            List<LinkageToken> nameNow = current.stream()
                    .filter(t -> t.getKind() == LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB).toList();
            assertThat(legacy).singleElement().isNotIn(current);
            recordOld(legacy, "CF-L-DENY", new Provision(ProvisionType.DENY, Set.of("housing"), Set.of(), Set.of(),
                    Set.of()));
            record(subject(null, "Łukasiewicz", "Łukasz", "1995-04-04"), "CF-L-PERMIT", PERMIT_CASE_MANAGEMENT);

            assertThat(askWithLegacy(nameNow, List.of())).containsEntry("outcome", "PERMIT");
            assertThat(askWithLegacy(nameNow, legacy)).containsEntry("outcome", "DENY");
        }

        @Test
        void anOldRecordUnderTheLegacyNameIsNoDisagreementAndItsPermitDoesNotCount() {
            var bob = new PersonIdentifiers("9434765846", null, "Øster", "Bjørn", LocalDate.of(1988, 8, 8), null);
            List<LinkageToken> legacy = service.linkage.legacyTokensFor(bob);
            List<LinkageToken> current = service.linkage.tokensFor(bob);
            List<LinkageToken> old = new ArrayList<>(current.subList(0, 1));
            old.addAll(legacy);
            recordOld(old, "CF-O-PERMIT", new Provision(ProvisionType.PERMIT, Set.of(), Set.of(), Set.of(), Set.of()));

            assertProblem(http.post("/decisions", police, decisionBody(current, "CASE_MANAGEMENT", List.of("housing"),
                    List.of())), 422, "identifiers-disagree");
            assertThat(askWithLegacy(current, legacy)).containsEntry("outcome", "DENY");
        }
    }
}
