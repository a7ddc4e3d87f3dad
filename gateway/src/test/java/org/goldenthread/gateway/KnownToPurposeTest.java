package org.goldenthread.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.Involvement;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.goldenthread.proto.node.v1.TimelineEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Known-to stays known-to at the gateway, booted with its production wiring against loopback
 * stand-ins for identity-service, consent-service and a node: a view cannot be asked for with
 * purpose COORDINATION (that is the known-to search's, which keeps working), and a record a node
 * sends tagged INVOLVEMENT never reaches a view.
 */
class KnownToPurposeTest {

    static FakeIdentity identity;
    static FakeConsent consent;
    static FakeNode police;
    static ConfigurableApplicationContext gateway;
    static WebTestClient http;
    static String keyWorker;

    static final String SUBJECT = """
            {"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14"}""";

    @BeforeAll
    static void boot() throws Exception {
        identity = new FakeIdentity();
        consent = new FakeConsent();
        police = new FakeNode();
        identity.registry("""
                [{"id":"police","name":"Police","grpcTarget":"%s","restUrl":null,"certificateFingerprint":null,
                  "categories":[],"status":"ACTIVE"}]""".formatted(police.target()));
        // The first call to the node opens its channel: too slow for 800 ms on a loaded build machine.
        gateway = TestGateway.run(identity, consent, "--goldenthread.gateway.node-deadline=10s");
        http = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30))
                .baseUrl("http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort()).build();
        keyWorker = identity.token("kw1", "council", List.of("KEY_WORKER"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        police.close();
        consent.close();
        identity.close();
    }

    static WebTestClient.ResponseSpec post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + keyWorker).bodyValue(body).exchange();
    }

    static void assertViewRefused(String purpose) {
        consent.decides(FakeConsent.permit("police", "INVOLVEMENT", "CRIME"));
        police.answers(GetSubjectRecordResponse.getDefaultInstance());
        post("/api/federation/subjects/view", """
                {"purpose":"%s","subject":%s}""".formatted(purpose, SUBJECT)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("purpose-not-for-view")
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("known-to search",
                        "/api/federation/subjects/known-to").doesNotContain("Hale", "9434765919"));
        assertThat(consent.calls).as("no decision asked").hasValue(0);
        assertThat(police.calls()).as("no node asked").isZero();
    }

    @Test
    void refusesAViewForCoordinationBeforeAnyDecision() {
        assertViewRefused("COORDINATION");
    }

    @Test
    void refusesItHoweverThePurposeIsSpelt() {
        assertViewRefused(" coordination ");
    }

    @Test
    void stillAnswersTheKnownToSearchForCoordination() {
        consent.decides(FakeConsent.permit("police", "INVOLVEMENT"));
        police.matches(MatchSubjectResponse.newBuilder().addMatches(SubjectMatch.newBuilder().setSubjectRef("p1")
                .setStrength(MatchStrength.MATCH_STRENGTH_EXACT).addMatchedKinds(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS)
                .setInvolvement(Involvement.newBuilder().setOpenCase(true).setLeadWorker("PC Jones"))).build());
        post("/api/federation/subjects/known-to", "{\"subject\":" + SUBJECT + "}").expectStatus().isOk().expectBody()
                .jsonPath("$.agencies[0].status").isEqualTo("OK")
                .jsonPath("$.agencies[0].involvement.leadWorker").isEqualTo("PC Jones");
        assertThat(consent.lastRequest().path("purpose").asString()).isEqualTo("COORDINATION");
        assertThat(police.matchRequests).hasSize(1);
    }

    @Test
    void withholdsARecordANodeSendsTaggedInvolvement() {
        consent.decides(FakeConsent.permit("police", "INVOLVEMENT", "CRIME"));
        police.answers(GetSubjectRecordResponse.newBuilder()
                .addMatches(SubjectMatch.newBuilder().setSubjectRef("p1").setStrength(MatchStrength.MATCH_STRENGTH_EXACT))
                .addEvents(event("e-crime", DataCategory.DATA_CATEGORY_CRIME))
                .addEvents(event("e-involvement", DataCategory.DATA_CATEGORY_INVOLVEMENT)).build());
        post("/api/federation/subjects/view", """
                {"purpose":"CASE_MANAGEMENT","subject":%s}""".formatted(SUBJECT)).expectStatus().isOk().expectBody()
                .jsonPath("$.agencies[0].status").isEqualTo("OK")
                .jsonPath("$.agencies[0].withheld").isEqualTo(1)
                .jsonPath("$.timeline[*].eventId").isEqualTo(List.of("e-crime"));
    }

    static TimelineEvent event(String id, DataCategory category) {
        return TimelineEvent.newBuilder().setEventId(id).setSummary("note").setProvenance(Provenance.newBuilder()
                .setAgencyId("police").setRecordId(id).setCategory(category)).build();
    }
}
