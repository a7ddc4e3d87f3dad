package org.goldenthread.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A CI-sized run of the federation benchmark (2 nodes, 2 subjects, about a second per scenario),
 * so the harness cannot rot. It asserts that the run completes and reports every scenario and
 * every figure, never how fast anything was: timings on a shared CI machine are noise.
 */
class FederationBenchmarkSmokeIT {

    private static final List<String> FIGURES = List.of("fan-out efficiency p50", "fan-out efficiency p99",
            "fan-out efficiency p50, 1 at a time", "gateway overhead p50", "cost of federation", "slow-node isolation, deadline",
            "slow-node isolation, breaker open", "scale in nodes");
    private static final Path OUT = Path.of("target", "bench-smoke");

    static BenchmarkReport report;
    static String progress;

    @BeforeAll
    static void runSmallBenchmark() throws Exception {
        BenchmarkOptions options = new BenchmarkOptions(2, 2, 5, 2, Duration.ofMillis(300), Duration.ofSeconds(1),
                Duration.ofMillis(800), OUT, List.of());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report = FederationBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
        progress = printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void measuresEveryScenarioWithRequestsInIt() {
        assertThat(report.scenarios()).extracting(Measured::scenario).contains("gateway view, 1 node",
                "gateway view, 2 nodes", "direct gRPC, 1 node (grant held)", "central store baseline (2 agencies)",
                "1 of 3 silent, breaker held closed", "1 of 3 silent, breaker open");
        assertThat(report.scenarios()).allSatisfy(m -> {
            assertThat(m.requests()).isPositive();
            assertThat(m.p50Ms()).isPositive();
            assertThat(m.p999Ms()).isGreaterThanOrEqualTo(m.p50Ms());
        });
    }

    @Test
    void printsOneTableWithEveryFigureAndTheProcessFigures() {
        String table = report.table();
        FIGURES.forEach(f -> assertThat(table).contains(f));
        assertThat(table).contains("p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "views/s", "start to all healthy", "peak RSS");
        assertThat(report.figures()).allSatisfy(f -> assertThat(f.value()).isPositive());
        assertThat(report.startToAllHealthyMs()).isPositive();
        assertThat(progress).contains("all 5 services healthy", "seeded");
    }

    @Test
    void writesTheSameFiguresAsJsonUnderTarget() throws Exception {
        Path file = OUT.resolve(BenchmarkReport.FILE);
        JsonNode json = BenchHttp.JSON.readTree(Files.readString(file));
        assertThat(json.get("figures").valueStream().map(f -> f.get("figure").asString())).containsExactlyElementsOf(FIGURES);
        assertThat(json.get("scenarios").size()).isEqualTo(report.scenarios().size());
        assertThat(json.get("peakRssMb").asLong()).isPositive();
    }
}
