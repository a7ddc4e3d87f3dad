package org.goldenthread.consent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The decision latency benchmark (not part of {@code verify}: the class name matches no test
 * pattern). Run it as the module README says; figures go to {@code target/decision-latency.txt}.
 * Sizes: {@code -Dbench.consents} (default 100000), {@code -Dbench.decisions} (default 20000);
 * {@code -Dbench.data=<dir>} reuses the store an earlier run left (printed as "store:").
 */
public class DecisionLatencyBenchmark {

    @Test
    void measure() throws IOException {
        main(new String[0]);
    }

    /** Also runnable as a plain main class on the test class path. */
    public static void main(String[] args) throws IOException {
        int consents = Integer.getInteger("bench.consents", 100_000);
        int decisions = Integer.getInteger("bench.decisions", 20_000);
        // -Dbench.data=<dir> of an earlier run times decisions again without seeding anew.
        String reuse = System.getProperty("bench.data");
        Path data = reuse == null ? Files.createTempDirectory("consent-bench") : Path.of(reuse);
        System.out.println("store: " + data);
        var figures = DecisionLatency.run(data, consents, decisions, reuse == null, System.out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "decision-latency.txt"), figures.report());
    }
}
