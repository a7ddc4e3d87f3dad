package org.goldenthread.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Not a timing: proves the generator and the benchmark run to the end and print every figure. */
class NodeBenchmarkSmokeTest {

    @TempDir
    Path data;

    @Test
    void generatesATinyAgencyAndPrintsEveryFigure() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        NodeBenchmark.run(new NodeBenchmark.Settings(60, 3, 20, 2, 25, data, "production", "none"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("generated 60 subjects, 180 events")
                .containsPattern("MatchSubject subjects=60 samples=20 p50=[0-9.]+ ms p99=[0-9.]+ ms")
                .containsPattern("GetSubjectRecord subjects=60 samples=20 p50=[0-9.]+ ms p99=[0-9.]+ ms");
    }
}
