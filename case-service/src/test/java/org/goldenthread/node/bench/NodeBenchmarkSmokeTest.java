package org.goldenthread.node.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Not a timing: proves the generator and the benchmark run to the end, reuse a store, and refuse a wrong one. */
class NodeBenchmarkSmokeTest {

    @TempDir
    Path data;

    static String run(NodeBenchmark.Settings settings) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        NodeBenchmark.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesATinyAgencyAndPrintsEveryFigure() throws Exception {
        assertThat(run(new NodeBenchmark.Settings(60, 3, 20, 2, 25, data, "production", "none", 0)))
                .contains("generated 60 subjects, 180 events")
                .containsPattern("generation used [0-9]+ s of CPU")
                .containsPattern("MatchSubject subjects=60 samples=20 p50=[0-9.]+ ms p99=[0-9.]+ ms")
                .containsPattern("GetSubjectRecord subjects=60 samples=20 p50=[0-9.]+ ms p99=[0-9.]+ ms");
    }

    @Test
    void reusesAGeneratedStoreAndRefusesOneThatHoldsSomethingElse() throws Exception {
        assertThat(run(new NodeBenchmark.Settings(40, 2, 10, 1, 15, data, "proposed", "compress", 30)))
                .contains("generated 40 subjects, 80 events").contains("compacted (compress)")
                .contains("30 subjects: compacted");
        assertThat(run(new NodeBenchmark.Settings(40, 2, 10, 1, 15, data, "proposed", "none", 0)))
                .contains("reusing 40 subjects, 80 events")
                .containsPattern("GetSubjectRecord subjects=40 samples=10 p50=");
        assertThatThrownBy(() -> run(new NodeBenchmark.Settings(50, 2, 10, 1, 15, data, "proposed", "none", 0)))
                .hasMessageContaining("was generated with");
    }
}
