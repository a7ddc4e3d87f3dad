package org.goldenthread.consent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CI-sized run of the benchmark: it completes and reports every figure. How fast is not asserted. */
class DecisionLatencySmokeTest {

    @Test
    void benchmarkRunsAndPrintsEveryFigure(@TempDir Path data) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        var figures = DecisionLatency.run(data, 300, 200, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("300 consents", "200 decisions", "p50 ", "p90 ", "p99 ", "p99.9 ", "max ", "CPU ", "grants signed per decision");
        assertThat(figures.p50()).isPositive().isLessThanOrEqualTo(figures.p99());
        assertThat(figures.p99()).isLessThanOrEqualTo(figures.p999());
    }
}
