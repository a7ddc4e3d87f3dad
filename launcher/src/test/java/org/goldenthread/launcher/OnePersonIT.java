package org.goldenthread.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.launcher.pki.FederationPki;
import org.goldenthread.node.audit.AuditEntry;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.node.federation.NodeGrpcServer;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "One person, one decision" end to end, in one JVM on loopback: identity, consent, the gateway and
 * three agency nodes over mutual TLS, each with its production wiring and its own store. Mixed
 * identifiers release nothing, and each node's own audit shows it refused; a deny recorded under
 * one identifier holds when asked with another; 201 permits do not push a deny out; a grant taken
 * from one call is refused by another node and the second time at the same node; a node holding a
 * Cyrillic-named person matches it from the gateway.
 */
class OnePersonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple";
    private static final List<String> AGENCIES = List.of("police", "housing", "mentalhealth");

    private static final String TOM = """
            {"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14","postcode":"NS1 4AB"}""";
    private static final String KAREN = """
            {"nhsNumber":"4010232137","familyName":"Hale","givenName":"Karen","dateOfBirth":"1981-06-02","postcode":"NS1 4AB"}""";
    private static final String MALCOLM = """
            {"nhsNumber":"4857773457","familyName":"Davis","givenName":"Malcolm","dateOfBirth":"1979-11-23","postcode":"NS3 9QT"}""";
    private static final String WENDY = """
            {"nhsNumber":"4505577104","familyName":"Davis","givenName":"Wendy","dateOfBirth":"1982-01-30","postcode":"NS3 9QT"}""";
    private static final String PRIYA = """
            {"nhsNumber":"4639284756","familyName":"Shah","givenName":"Priya","dateOfBirth":"1990-02-11","postcode":"NS2 1LP"}""";
    private static final String DANIEL = """
            {"nhsNumber":"4987654326","familyName":"Clarke","givenName":"Daniel","dateOfBirth":"1987-12-02","postcode":"NS2 3LP"}""";
    private static final String YULIA = """
            {"familyName":"Иванова","givenName":"Юлия","dateOfBirth":"1993-09-09","postcode":"NS2 5LP"}""";

    @TempDir
    static Path data;
    static LocalFederation federation;
    static ServiceClient services;
    static String keyWorker;
    static final java.util.Map<String, String> dpoTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String PERIOD = """
            "period":{"start":"2026-01-01T00:00:00Z","consentedOn":"2026-01-01",
                      "backdatingReason":"Signed on paper in January; entered from the case file"}""";
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFederation() {
        List<AgencySpec> agencies = List.of(
                new AgencySpec("police", "Police", List.of("INVOLVEMENT", "CRIME")),
                new AgencySpec("housing", "Housing", List.of("INVOLVEMENT", "HOUSING")),
                new AgencySpec("mentalhealth", "Mental health", List.of("INVOLVEMENT", "HEALTH_MENTAL")));
        // 201 consents about one person are recorded below: the burst limit is raised for that, nothing else.
        federation = LocalFederation.start(new FederationPlan(data, 0, agencies, false,
                List.of("--goldenthread.gateway.node-deadline=3s", "--goldenthread.consent.burst.max-per-subject=500")), (s, u, ms) -> { });
        UserDirectory users = federation.identity().getBean(UserDirectory.class);
        users.ensureUser("kw", "Sam Patel", "council", Set.of(Role.KEY_WORKER), PASSWORD);
        for (String agency : AGENCIES) {
            users.ensureUser(agency + ".worker", "Worker", agency, Set.of(Role.KEY_WORKER), PASSWORD);
            users.ensureUser(agency + ".admin", "Admin", agency, Set.of(Role.AGENCY_ADMIN), PASSWORD);
            users.ensureUser(agency + ".dpo", "DPO", agency, Set.of(Role.DPO), PASSWORD);
        }
        services = new ServiceClient(federation.gatewayUrl());
        keyWorker = services.login("kw", PASSWORD);
        for (String agency : AGENCIES) {
            person(agency, "TOM", TOM, "Record about Tom at " + agency);
            person(agency, "PRIYA", PRIYA, "Record about Priya at " + agency);
            person(agency, "DANIEL", DANIEL, "Record about Daniel at " + agency);
            // The partnership's agreement: known-to flags for coordination, from every agency to the council.
            services.postUnlessDuplicate(federation.gatewayUrl() + "/api/consents/isas", services.login(agency + ".admin",
                    PASSWORD), """
                    {"title":"Known-to","recipients":["council"],"purposes":["COORDINATION"],"categories":["INVOLVEMENT"],
                     "period":{"start":"2026-01-01T00:00:00Z"},"signOff":{"by":"DPO","role":"DPO","at":"2025-12-15T00:00:00Z"}}""");
        }
        person("police", "KAREN", KAREN, "Record about Karen at police");
        person("housing", "KAREN", KAREN, "Record about Karen at housing");
        person("police", "MALCOLM", MALCOLM, "Record about Malcolm at police");
        person("police", "WENDY", WENDY, "Record about Wendy at police");
        person("housing", "MALCOLM", MALCOLM, "Record about Malcolm at housing");
        person("mentalhealth", "YULIA", YULIA, "Record about Yulia at mentalhealth");
        for (String who : List.of(TOM, PRIYA, DANIEL)) {
            consent(who, "PERMIT", "[\"police\",\"housing\",\"mentalhealth\"]", "CASE_MANAGEMENT");
        }
    }

    private static void person(String agency, String ref, String identifiers, String summary) {
        String token = services.login(agency + ".worker", PASSWORD);
        String node = federation.gatewayUrl() + "/api/agencies/" + agency;
        String category = switch (agency) {
            case "police" -> "CRIME";
            case "housing" -> "HOUSING";
            default -> "HEALTH_MENTAL";
        };
        services.put(node + "/subjects/S-" + ref, token, identifiers);
        services.put(node + "/cases/C-" + ref, token, """
                {"subjectRef":"S-%s","caseType":"demo","category":"%s","status":"OPEN","openedAt":"2026-06-01T09:00:00Z",
                 "leadWorker":"Worker","team":"Team","contact":"01632 960000","rag":"AMBER","needs":["HEALTH"]}"""
                .formatted(ref, category));
        services.put(node + "/cases/C-" + ref + "/events/E-" + ref, token, """
                {"kind":"NOTE","category":"%s","occurredAt":"2026-06-02T09:00:00Z","summary":"%s"}"""
                .formatted(category, summary));
    }

    /**
     * Records a consent from the named sources to the council; a permit is then acknowledged by each source's DPO,
     * as a reviewed consent would be (what these tests ask is who the records are about, not the review).
     */
    private static HttpResponse<String> consent(String subject, String type, String sources, String purpose) {
        HttpResponse<String> recorded = post("/api/consents", """
                {"subject":%s,
                 %s,
                 "evidence":{"kind":"SIGNED_FORM","reference":"%s","privacyNoticeVersion":"v3"},
                 "provisions":[{"type":"%s","sources":%s,"recipients":["council"],"purposes":["%s"],
                                "categories":["INVOLVEMENT","CRIME","HOUSING","HEALTH_MENTAL"]}]}"""
                .formatted(subject, PERIOD, UUID.randomUUID(), type, sources, purpose));
        if (recorded.statusCode() == 201 && type.equals("PERMIT")) {
            String id = JSON.readTree(recorded.body()).get("id").asString();
            JSON.readTree(sources).valueStream().map(JsonNode::asString).forEach(source ->
                    services.acknowledgeConsent(federation.gatewayUrl() + "/api/consents", dpoTokens.computeIfAbsent(
                            source, agency -> services.login(agency + ".dpo", PASSWORD)), id));
        }
        return recorded;
    }

    @AfterAll
    static void stopFederation() {
        if (federation != null) {
            federation.close();
        }
    }

    static HttpResponse<String> post(String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(federation.gatewayUrl() + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + keyWorker)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode view(String subject) {
        HttpResponse<String> answer = post("/api/federation/subjects/view",
                "{\"purpose\":\"CASE_MANAGEMENT\",\"subject\":" + subject + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static JsonNode knownTo(String subject) {
        HttpResponse<String> answer = post("/api/federation/subjects/known-to", "{\"subject\":" + subject + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Identifiers of one person with another's name and date of birth. */
    static String mixed(String nhsOf, String nameAndBirthOf) {
        JsonNode nhs = JSON.readTree(nhsOf);
        JsonNode name = JSON.readTree(nameAndBirthOf);
        return """
                {"nhsNumber":"%s","familyName":"%s","givenName":"%s","dateOfBirth":"%s"}""".formatted(
                nhs.get("nhsNumber").asString(), name.get("familyName").asString(), name.get("givenName").asString(),
                name.get("dateOfBirth").asString());
    }

    static String without(String subject, String... fields) {
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(subject);
        for (String field : fields) {
            node.remove(field);
        }
        return node.toString();
    }

    static List<AuditEntry> auditSince(String agency, long sequence) {
        return federation.node(agency).getBean(AuditLog.class).entries().stream()
                .filter(e -> e.sequence() > sequence).toList();
    }

    static long lastSequence(String agency) {
        return federation.node(agency).getBean(AuditLog.class).entries().stream()
                .mapToLong(AuditEntry::sequence).max().orElse(0);
    }

    private static JsonNode agency(JsonNode answer, String id) {
        return answer.get("agencies").valueStream().filter(a -> a.get("agency").asString().equals(id)).findFirst()
                .orElseThrow();
    }

    @Nested
    class MixedIdentifiers {

        @Test
        void consentRecordsThatShowTwoPeopleRefuseBeforeAnyNodeIsAsked() {
            long police = lastSequence("police");
            long housing = lastSequence("housing");

            HttpResponse<String> answer = post("/api/federation/subjects/view",
                    "{\"purpose\":\"CASE_MANAGEMENT\",\"subject\":" + mixed(TOM, KAREN) + "}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("code").asString()).isEqualTo("identifiers-disagree");
            assertThat(answer.body()).contains("subject.nhsNumber", "subject.familyName", "subject.dateOfBirth")
                    .doesNotContain("Record about", "Exception");
            assertThat(auditSince("police", police)).isEmpty();
            assertThat(auditSince("housing", housing)).isEmpty();
        }

        @Test
        void whereOnlyTheNodesCanTellEachNodeHoldingEitherRefusesAndAuditsIt() {
            // No consent about the Davises: the partnership's agreement permits known-to, so the nodes are asked.
            long police = lastSequence("police");
            long housing = lastSequence("housing");

            JsonNode answer = knownTo(mixed(MALCOLM, WENDY));

            for (String holder : List.of("police", "housing")) {
                assertThat(agency(answer, holder).get("status").asString()).as(holder).isEqualTo("AMBIGUOUS");
                assertThat(agency(answer, holder).get("reason").asString()).isNotBlank();
                assertThat(agency(answer, holder).path("involvement").isMissingNode()
                        || agency(answer, holder).get("involvement").isNull()).isTrue();
                List<AuditEntry> audited = auditSince(holder, "police".equals(holder) ? police : housing);
                assertThat(audited).as(holder + "'s own audit").singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
                    assertThat(e.refusalReason()).isEqualTo("IDENTIFIERS_DISAGREE");
                    assertThat(e.recordIds()).isEmpty();
                });
            }
            assertThat(agency(answer, "mentalhealth").get("status").asString()).isEqualTo("NO_RECORD");
            assertThat(answer.toString()).doesNotContain("Worker", "01632");
        }

        @Test
        void theSamePeopleAskedForOneByOneAreFound() {
            assertThat(agency(knownTo(MALCOLM), "police").get("status").asString()).isEqualTo("OK");
            assertThat(agency(knownTo(WENDY), "police").get("status").asString()).isEqualTo("OK");
            assertThat(agency(knownTo(MALCOLM), "housing").get("status").asString()).isEqualTo("OK");
        }
    }

    @Nested
    class Denies {

        @Test
        void aDenyRecordedUnderTheNhsNumberHoldsWhenAskedByNameAndBirthDate() {
            assertThat(agency(view(PRIYA), "police").get("status").asString()).isEqualTo("OK");
            HttpResponse<String> deny = consent(without(PRIYA, "familyName", "givenName", "dateOfBirth", "postcode"),
                    "DENY", "[\"police\"]", "CASE_MANAGEMENT");
            assertThat(deny.statusCode()).as(deny.body()).isEqualTo(201);
            long police = lastSequence("police");

            for (String asked : List.of(without(PRIYA, "nhsNumber"), without(PRIYA, "nhsNumber", "postcode"), PRIYA,
                    without(PRIYA, "familyName", "givenName", "dateOfBirth", "postcode"))) {
                JsonNode answer = view(asked);
                assertThat(agency(answer, "police").get("status").asString()).as(asked).isEqualTo("NOT_PERMITTED");
                assertThat(agency(answer, "housing").get("status").asString()).as(asked).isEqualTo("OK");
                assertThat(answer.toString()).doesNotContain("Record about Priya at police");
            }
            assertThat(auditSince("police", police)).as("the police node was never asked").isEmpty();
        }

        @Test
        void twoHundredAndOnePermitsDoNotPushADenyOut() {
            HttpResponse<String> deny = consent(DANIEL, "DENY", "[\"mentalhealth\"]", "CASE_MANAGEMENT");
            assertThat(deny.statusCode()).as(deny.body()).isEqualTo(201);
            for (int i = 0; i < 201; i++) {
                HttpResponse<String> permit = consent(DANIEL, "PERMIT", "[\"mentalhealth\",\"police\"]", "CASE_MANAGEMENT");
                assertThat(permit.statusCode()).as(permit.body()).isEqualTo(201);
            }

            JsonNode answer = view(DANIEL);

            assertThat(agency(answer, "mentalhealth").get("status").asString()).isEqualTo("NOT_PERMITTED");
            assertThat(agency(answer, "mentalhealth").get("reason").asString()).contains("consent denies");
            assertThat(agency(answer, "police").get("status").asString()).isEqualTo("OK");
            assertThat(answer.toString()).doesNotContain("Record about Daniel at mentalhealth");
        }
    }

    @Nested
    class GrantsPerNodeUsedOnce {

        @Test
        void aGrantCapturedAtOneNodeIsRefusedByAnotherAndTheSecondTimeAtTheSameNode() throws Exception {
            LinkageTokens linkage = federation.gateway().getBean(LinkageTokens.class);
            List<LinkageToken> tom = linkage.tokensFor(new PersonIdentifiers("9434765919", null, "Hale", "Tom",
                    LocalDate.of(2007, 3, 14), "NS1 4AB"));
            JsonNode decision = decide(tom);
            String policeGrant = grantOf(decision, "police");
            String housingGrant = grantOf(decision, "housing");
            assertThat(policeGrant).isNotEqualTo(housingGrant);

            assertThat(record("police", tom, policeGrant).getEventsCount()).isPositive();
            assertThat(refusal("police", tom, policeGrant)).as("the same grant again at the same node")
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(refusal("housing", tom, policeGrant)).as("police's grant at housing")
                    .isIn(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);
            assertThat(record("housing", tom, housingGrant).getEventsCount()).as("housing's own grant").isPositive();
            assertThat(auditSince("housing", 0)).anySatisfy(e -> assertThat(e.refusalReason()).isEqualTo("WRONG_AUDIENCE"));
            assertThat(auditSince("police", 0)).anySatisfy(e -> assertThat(e.refusalReason()).isEqualTo("REPLAYED"));
        }

        private JsonNode decide(List<LinkageToken> tokens) throws Exception {
            var body = JSON.createObjectNode();
            var sent = body.putArray("subjectTokens");
            tokens.forEach(t -> sent.addObject().put("kind", t.getKind().name().substring("LINKAGE_TOKEN_KIND_".length()))
                    .put("keyId", t.getKeyId()).put("value", t.getValue()));
            body.put("purpose", "CASE_MANAGEMENT");
            body.putArray("agencies").add("police").add("housing");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(federation.consentUrl() + "/decisions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + keyWorker)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }

        private static String grantOf(JsonNode decision, String agency) {
            return agency(decision, agency).get("grant").asString();
        }

        private GetSubjectRecordResponse record(String agency, List<LinkageToken> tokens, String grant) throws Exception {
            FederationPki.Issued gateway = federation.pki().gateway();
            int port = federation.node(agency).getBean(NodeGrpcServer.class).port();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port)
                    .sslContext(GrpcSslContexts.forClient()
                            .keyManager(gateway.certificate().toFile(), gateway.privateKey().toFile())
                            .trustManager(federation.pki().caCertificate().toFile()).build())
                    .build();
            try {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER), grant);
                headers.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), UUID.randomUUID().toString());
                return CaseNodeGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                        .getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(tokens).build());
            } finally {
                channel.shutdownNow();
            }
        }

        private Status.Code refusal(String agency, List<LinkageToken> tokens, String grant) throws Exception {
            try {
                record(agency, tokens, grant);
                throw new AssertionError("the node released under a grant it should refuse");
            } catch (StatusRuntimeException e) {
                return e.getStatus().getCode();
            }
        }
    }

    @Nested
    class NamesInEveryScript {

        @Test
        void aCyrillicNamedPersonIsMatchedFromTheGateway() {
            JsonNode inCyrillic = knownTo(YULIA);
            assertThat(agency(inCyrillic, "mentalhealth").get("status").asString()).isEqualTo("OK");
            assertThat(agency(inCyrillic, "police").get("status").asString()).isEqualTo("NO_RECORD");
            JsonNode transliterated = knownTo("""
                    {"familyName":"Ivanova","givenName":"Yulia","dateOfBirth":"1993-09-09"}""");
            // "Юлия" is ULIA in ICU's transliteration, "Yulia" is YULIA: a different spelling, so not the same token.
            assertThat(agency(transliterated, "mentalhealth").get("status").asString()).isIn("NO_RECORD", "NEEDS_CONFIRMATION");
        }
    }
}
