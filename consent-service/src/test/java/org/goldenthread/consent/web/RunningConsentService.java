package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.consent.ConsentServiceApplication;
import org.goldenthread.federation.grant.GrantVerifier;
import org.goldenthread.federation.linkage.LinkageKey;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * consent-service booted with its production wiring on a free port, beside a stand-in identity
 * provider, plus the helpers its tests share. One per test class.
 */
final class RunningConsentService implements AutoCloseable {

    static final String HALE_NHS = "9434765919";

    final TestIdentity identity;
    /** The service's clock: move it forward rather than sleep. */
    final MovableClock clock;
    final ConfigurableApplicationContext context;
    final Http http;
    final LinkageTokens linkage;
    final String keyWorker;
    final String police;

    private RunningConsentService(TestIdentity identity, ConfigurableApplicationContext context, LinkageTokens linkage,
            MovableClock clock) {
        this.identity = identity;
        this.clock = clock;
        this.context = context;
        this.linkage = linkage;
        this.http = new Http(port());
        this.keyWorker = identity.token("kw.council", "council", "KEY_WORKER");
        this.police = identity.token("pc.police", "police", "KEY_WORKER");
    }

    static RunningConsentService boot(Path data, String... extraArgs) throws Exception {
        TestIdentity identity = TestIdentity.start();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = Base64.getEncoder().encodeToString(secret);
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0", "--goldenthread.store.data-dir=" + data,
                "--goldenthread.identity.url=" + identity.url(),
                "--goldenthread.linkage.key-id=k1", "--goldenthread.linkage.key=" + key,
                "--logging.structured.format.console=", "--logging.level.root=WARN"));
        args.addAll(List.of(extraArgs));
        MovableClock clock = new MovableClock();
        var application = ConsentServiceApplication.application();
        application.initializers(c -> c.getBeanFactory().registerSingleton("movableClock", clock));
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        return new RunningConsentService(identity, context, new LinkageTokens(LinkageKey.fromBase64("k1", key)), clock);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() throws Exception {
        context.close();
        identity.close();
    }

    /** The five agencies of the demo federation. */
    static final List<String> AGENCIES = List.of("council", "police", "housing", "mentalhealth", "employment");

    /**
     * The fixtures' period: it starts 1 January, far beyond the backdating limit, so it states the day the family
     * consented and why it was recorded only now.
     */
    static final Map<String, Object> PERIOD = Map.of("start", "2026-01-01T00:00:00Z", "consentedOn", "2026-01-01",
            "backdatingReason", "signed at the January family meeting, entered late");

    /** A permit that says "all" explicitly in every dimension. */
    static final Map<String, Object> PERMIT_ALL = Map.of("type", "PERMIT", "allSources", true, "allRecipients", true,
            "allPurposes", true, "allCategories", true);

    /** A provision of the given type for these sources and every recipient, purpose and category, said explicitly. */
    static Map<String, Object> provision(String type, List<String> sources) {
        return Map.of("type", type, "sources", sources, "allRecipients", true, "allPurposes", true,
                "allCategories", true);
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
        return consent(subject, PERIOD, "SIGNED_FORM", reference, List.of(
                Map.of("type", "PERMIT", "allSources", true, "allRecipients", true,
                        "purposes", List.of("EARLY_HELP_ASSESSMENT", "CASE_MANAGEMENT"), "allCategories", true),
                Map.of("type", "DENY", "sources", List.of("mentalhealth"), "recipients", List.of("police"),
                        "allPurposes", true, "categories", List.of("HEALTH_MENTAL"))));
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

    List<LinkageToken> tokensOf(String nhs) {
        return linkage.tokensFor(new PersonIdentifiers(nhs, null, "Hale", givenName(nhs), LocalDate.of(2007, 3, 14), "LS6 2AB"));
    }

    static String decisionBody(List<LinkageToken> tokens, String purpose, List<String> agencies, List<String> categories) {
        return Http.json(decisionRequest(tokens, purpose, agencies, categories));
    }

    static Map<String, Object> decisionRequest(List<LinkageToken> tokens, String purpose, List<String> agencies,
            List<String> categories) {
        List<Map<String, String>> sent = tokens.stream().map(t -> Map.of(
                "kind", t.getKind().name().substring("LINKAGE_TOKEN_KIND_".length()),
                "keyId", t.getKeyId(), "value", t.getValue())).toList();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subjectTokens", sent);
        request.put("purpose", purpose);
        request.put("agencies", agencies);
        request.put("categories", categories);
        return request;
    }

    /**
     * Records the Hale consent and has every agency's DPO acknowledge it, as a reviewed consent would be: tests of
     * what a consent permits start from there. Tests of the review itself record without acknowledging.
     */
    String recordHale(String nhs, String reference) {
        var created = http.post("/api/consents", keyWorker, haleConsent(nhs, reference));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = (String) created.json().get("id");
        acknowledgeByAll(id, 1);
        return id;
    }

    /** The DPO of every demo agency acknowledges that revision. */
    void acknowledgeByAll(String id, int revision) {
        AGENCIES.forEach(agency -> acknowledge(id, revision, agency));
    }

    Http.Answer acknowledge(String id, int revision, String agency) {
        var answer = http.post("/api/consents/consent-reviews/" + id + ".r" + revision + "/acknowledgement",
                dpo(agency), "{}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    String dpo(String agency) {
        return identity.token("dpo." + agency, agency, "DPO");
    }

    GrantVerifier verifierFor(String agency) {
        return GrantVerifier.forJwksUri(agency, URI.create("http://127.0.0.1:" + port() + "/.well-known/jwks.json"),
                Duration.ofSeconds(2));
    }

    /** The decision's per-agency answers, as sent. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> agencies(Map<String, Object> decision) {
        return (List<Map<String, Object>>) decision.get("agencies");
    }

    /** The agency's own grant in the decision; null when it was not permitted. */
    static String grantOf(Map<String, Object> decision, String agency) {
        return agencies(decision).stream().filter(a -> agency.equals(a.get("agency"))).findFirst()
                .map(a -> (String) a.get("grant")).orElse(null);
    }

    static void assertProblem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).as(String.valueOf(answer.contentType())).isTrue();
        assertThat(answer.json()).containsEntry("code", code);
        assertThat(answer.body()).doesNotContain("Exception");
    }
}
