package org.goldenthread.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.goldenthread.proto.node.v1.AggregateBucket;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.goldenthread.proto.node.v1.AggregateResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Counts across agencies at the gateway, booted with its production wiring against loopback
 * stand-ins for identity-service, consent-service and two agency nodes (real gRPC servers): the
 * applied month range echoed and sent, totals built from released counts only, and consent-service's
 * spent budget passed on as problem+json.
 */
class AggregateCountsTest {

    static FakeIdentity identity;
    static FakeConsent consent;
    static FakeNode housing;
    static FakeNode police;
    static ConfigurableApplicationContext gateway;
    static WebTestClient http;
    static String manager;

    @BeforeAll
    static void boot() throws Exception {
        identity = new FakeIdentity();
        consent = new FakeConsent();
        housing = new FakeNode();
        police = new FakeNode();
        identity.registry("[" + StandIns.agency("housing", "Housing", housing) + ","
                + StandIns.agency("police", "Police", police) + "]");
        gateway = StandIns.gateway(identity, consent);
        http = StandIns.client(gateway);
        manager = identity.token("tm1", "council", List.of("TEAM_MANAGER"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        StandIns.closeAll(housing, police, consent, identity);
    }

    static WebTestClient.ResponseSpec count(String body) {
        return http.post().uri("/api/federation/aggregates").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + manager).bodyValue(body).exchange();
    }

    static AggregateResponse buckets(Object... keysAndCounts) {
        AggregateResponse.Builder response = AggregateResponse.newBuilder();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            response.addBuckets(AggregateBucket.newBuilder().setKey((String) keysAndCounts[i])
                    .setCount((Integer) keysAndCounts[i + 1]));
        }
        return response.build();
    }

    static Instant sent(com.google.protobuf.Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    @Nested
    class TheRangeThatApplied {

        @Test
        void widensToWholeMonthsSendsThatAndSaysSo() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            housing.counts(buckets("tenancy-sustainment", 10));
            count("""
                    {"metric":"OPEN_CASES","categories":["HOUSING"],"agencies":["housing"],
                     "openedFrom":"2026-01-15T10:30:00Z","openedTo":"2026-03-10T00:00:00Z"}""")
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.openedFrom").isEqualTo("2026-01-01T00:00:00Z")
                    .jsonPath("$.openedTo").isEqualTo("2026-04-01T00:00:00Z");
            AggregateRequest asked = housing.aggregateRequests.get(0);
            assertThat(sent(asked.getOpenedFrom())).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(sent(asked.getOpenedTo())).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        }

        @Test
        void keepsAnUpperBoundThatAlreadyStartsAMonth() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            housing.counts(buckets());
            count("""
                    {"metric":"OPEN_CASES","categories":["HOUSING"],"openedTo":"2026-03-01T00:00:00Z"}""")
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.openedFrom").isEmpty()
                    .jsonPath("$.openedTo").isEqualTo("2026-03-01T00:00:00Z");
            assertThat(housing.aggregateRequests.get(0).hasOpenedFrom()).isFalse();
        }

        @Test
        void dropsAnUpperBoundThatWidensPastTheLastTimestamp() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            housing.counts(buckets());
            count("""
                    {"metric":"OPEN_CASES","categories":["HOUSING"],"openedTo":"9999-12-15T00:00:00Z"}""")
                    .expectStatus().isOk().expectBody().jsonPath("$.openedTo").isEmpty();
            assertThat(housing.aggregateRequests.get(0).hasOpenedTo()).isFalse();
        }

        @Test
        void stillRefusesARangeThatEndsBeforeItStarts() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"));
            count("""
                    {"metric":"OPEN_CASES","categories":["HOUSING"],
                     "openedFrom":"2026-01-20T00:00:00Z","openedTo":"2026-01-10T00:00:00Z"}""")
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("openedTo");
            assertThat(consent.calls.get()).isZero();
        }
    }

    @Nested
    class Totals {

        @Test
        void addUpTheReleasedCountsAndNothingWithheld() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"), FakeConsent.permit("police", "HOUSING"));
            housing.counts(buckets("tenancy-sustainment", 10, "rent-arrears", 5));
            // A node of an earlier release marks a small group suppressed: its key must go no further.
            police.counts(buckets("tenancy-sustainment", 5).toBuilder().addBuckets(AggregateBucket.newBuilder()
                    .setKey("honour-based-abuse").setSuppressed(true)).build());
            count("""
                    {"metric":"OPEN_CASES","categories":["HOUSING"]}""")
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.totals.length()").isEqualTo(2)
                    .jsonPath("$.totals[0].key").isEqualTo("rent-arrears")
                    .jsonPath("$.totals[0].count").isEqualTo(5)
                    .jsonPath("$.totals[1].key").isEqualTo("tenancy-sustainment")
                    .jsonPath("$.totals[1].count").isEqualTo(15)
                    .jsonPath("$.agencies[?(@.agency=='police')].buckets.length()").isEqualTo(1)
                    .jsonPath("$..suppressed").doesNotExist()
                    .consumeWith(body -> assertThat(new String(body.getResponseBody())).doesNotContain("honour-based-abuse"));
        }

        @Test
        void leaveOutAnAgencyThatWasNotPermitted() {
            consent.decides(FakeConsent.permit("housing", "HOUSING"), FakeConsent.deny("police", "no agreement"));
            housing.counts(buckets("tenancy-sustainment", 10));
            police.counts(buckets("tenancy-sustainment", 50));
            count("""
                    {"metric":"OPEN_CASES","categories":["HOUSING"]}""")
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.totals[0].count").isEqualTo(10)
                    .jsonPath("$.agencies[?(@.agency=='police')].status").isEqualTo("NOT_PERMITTED");
            assertThat(police.calls()).isZero();
        }
    }

    @Nested
    class TheDailyBudget {

        @Test
        void passesOnASpentBudgetAs429ProblemJsonAndAsksNoNode() {
            consent.answer(429, "application/problem+json", """
                    {"type":"https://goldenthread.example/problems/aggregate-budget","status":429,"code":"aggregate-budget",
                     "detail":"you have asked for counts across agencies 50 times today","limit":50,
                     "resetsAt":"2026-12-03T00:00:00Z"}""");
            housing.counts(buckets("tenancy-sustainment", 10));
            count("""
                    {"metric":"OPEN_CASES","categories":["HOUSING"]}""")
                    .expectStatus().isEqualTo(429)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("consent-refused")
                    .jsonPath("$.consentCode").isEqualTo("aggregate-budget")
                    .jsonPath("$.limit").isEqualTo(50)
                    .jsonPath("$.resetsAt").isEqualTo("2026-12-03T00:00:00Z")
                    .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("50 times today"));
            assertThat(housing.calls()).isZero();
        }
    }
}
