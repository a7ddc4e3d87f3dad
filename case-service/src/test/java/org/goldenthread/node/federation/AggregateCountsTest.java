package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.node.v1.AggregateMetric;
import org.goldenthread.proto.node.v1.AggregateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts that survive differencing, over real gRPC against a booted node with the embedded store:
 * dates widened to whole months, small groups left out with their keys, released counts rounded,
 * and a node that will not start with a rounding base below its threshold.
 */
class AggregateCountsTest {

    @TempDir
    static Path data;
    static TestNode node;
    static NodeClient client;

    /**
     * January 2026: 7 early-help cases (2nd to 29th) and 2 "rare" ones; 20 February: one more early-help
     * case. All CRIME, all RED, one person each.
     */
    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data);
        client = new NodeClient(node);
        for (int i = 1; i <= 7; i++) {
            person("EH" + i, "early-help", "2026-01-%02dT10:00:00Z".formatted(i * 4 - 2));
        }
        person("R1", "rare", "2026-01-05T10:00:00Z");
        person("R2", "rare", "2026-01-06T10:00:00Z");
        person("EH8", "early-help", "2026-02-20T10:00:00Z");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static void person(String ref, String caseType, String openedAt) {
        ok("/api/subjects/" + ref, "{\"familyName\":\"Count\",\"givenName\":\"" + ref + "\",\"dateOfBirth\":\"1990-01-01\"}");
        ok("/api/cases/C-" + ref, "{\"subjectRef\":\"" + ref + "\",\"caseType\":\"" + caseType + "\",\"category\":\"CRIME\","
                + "\"status\":\"OPEN\",\"openedAt\":\"" + openedAt + "\",\"leadWorker\":\"PC Jones\",\"team\":\"IOM\","
                + "\"rag\":\"RED\",\"needs\":[\"" + caseType + "-need\"]}");
    }

    static void ok(String path, String json) {
        assertThat(node.put(path, client.officer, json).getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }

    static List<String> count(AggregateRequest.Builder request) {
        return client.stub(NodeClient.countingGrant(DataCategory.DATA_CATEGORY_CRIME)).aggregate(request.build())
                .getBucketsList().stream().map(b -> b.getKey() + "=" + b.getCount() + (b.getSuppressed() ? "<" : ""))
                .toList();
    }

    static AggregateRequest.Builder openCases() {
        return AggregateRequest.newBuilder().setMetric(AggregateMetric.AGGREGATE_METRIC_OPEN_CASES);
    }

    static Timestamp at(String instant) {
        return RecordMapping.timestamp(Instant.parse(instant));
    }

    @Nested
    class DatesInWholeMonths {

        @Test
        void widensAFewDaysInJanuaryToAllOfJanuary() {
            // 15th to 20th January holds one early-help case; the node counts all seven of January's.
            assertThat(count(openCases().setOpenedFrom(at("2026-01-15T00:00:00Z")).setOpenedTo(at("2026-01-20T00:00:00Z"))))
                    .containsExactly("early-help=5");
            assertThat(count(openCases().setOpenedFrom(at("2026-01-31T23:59:59Z")).setOpenedTo(at("2026-02-01T00:00:00Z"))))
                    .containsExactly("early-help=5");
        }

        @Test
        void keepsAnUpperBoundThatStartsAMonthAndWidensOneASecondLater() {
            assertThat(count(openCases().setOpenedTo(at("2026-02-01T00:00:00Z")))).containsExactly("early-help=5");
            // One second into February takes in all of February: the 20 February case makes eight, released as 10.
            assertThat(count(openCases().setOpenedTo(at("2026-02-01T00:00:01Z")))).containsExactly("early-help=10");
        }

        @Test
        void aDaySweepCannotDateTheFebruaryCase() {
            List<String> first = count(openCases().setOpenedFrom(at("2026-02-01T00:00:00Z")).setOpenedTo(at("2026-02-19T00:00:00Z")));
            List<String> second = count(openCases().setOpenedFrom(at("2026-02-01T00:00:00Z")).setOpenedTo(at("2026-02-21T00:00:00Z")));
            assertThat(first).isEqualTo(second).isEmpty();
        }

        @Test
        void refusesARangeThatIsEmptyAfterWidening() {
            client.assertRefused(() -> count(openCases().setOpenedFrom(at("2026-03-01T00:00:00Z"))
                    .setOpenedTo(at("2026-03-01T00:00:00Z"))), Status.Code.INVALID_ARGUMENT, "BAD_DATE_RANGE");
        }

        @Test
        void refusesAnInstantNoCalendarMonthHolds() {
            client.assertRefused(() -> count(openCases().setOpenedTo(Timestamp.newBuilder()
                    .setSeconds(Instant.MAX.getEpochSecond()))), Status.Code.INVALID_ARGUMENT, "BAD_TIMESTAMP");
        }
    }

    @Nested
    class SmallGroups {

        @Test
        void leavesOutTheKeyOfAGroupBelowTheThreshold() {
            assertThat(count(openCases())).containsExactly("early-help=10");
            assertThat(count(AggregateRequest.newBuilder().setMetric(AggregateMetric.AGGREGATE_METRIC_SUBJECTS_BY_NEED)))
                    .containsExactly("early-help-need=10");
            assertThat(client.lastAuditEntry().outcome()).isEqualTo(AuditOutcome.RELEASED);
        }

        @Test
        void answersASmallGroupExactlyAsAnEmptyOne() {
            List<String> small = count(openCases().addCaseTypes("rare"));
            List<String> empty = count(openCases().addCaseTypes("never-used"));
            assertThat(small).isEqualTo(empty).isEmpty();
        }

        @Test
        void roundsToTheNearestFive() {
            // 2 rare + 7 early-help in January by RAG: 9 RED cases, released as 10; with February, 10 stay 10.
            assertThat(count(AggregateRequest.newBuilder().setMetric(AggregateMetric.AGGREGATE_METRIC_CASES_BY_RAG)
                    .setOpenedTo(at("2026-02-01T00:00:00Z")))).containsExactly("RED=10");
            assertThat(count(openCases().setOpenedTo(at("2026-02-01T00:00:00Z")).addCaseTypes("rare")
                    .addCaseTypes("early-help"))).containsExactly("early-help=5");
        }
    }

    @Nested
    class Configuration {

        @Test
        void refusesToStartWithARoundingBaseBelowTheThreshold() {
            assertThatThrownBy(() -> new TestNode(data.resolve("small-base"), "--goldenthread.node.aggregate.threshold=5",
                    "--goldenthread.node.aggregate.rounding=3"))
                    .hasStackTraceContaining("goldenthread.node.aggregate.rounding (3) must be at least "
                            + "goldenthread.node.aggregate.threshold (5)");
        }

        @Test
        void refusesToStartWithAThresholdThatSuppressesNothing() {
            assertThatThrownBy(() -> new TestNode(data.resolve("no-threshold"), "--goldenthread.node.aggregate.threshold=1"))
                    .hasStackTraceContaining("goldenthread.node.aggregate.threshold must be at least 2");
        }
    }
}
