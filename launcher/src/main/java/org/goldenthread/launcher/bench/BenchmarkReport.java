package org.goldenthread.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured: the scenarios, the ratios between them, and the process figures.
 *
 * @param machine cores, JVM and OS the run saw
 * @param settings what was run, including every property the benchmark changed from production
 * @param startToAllHealthyMs from the first service's start to every health endpoint answering UP
 * @param peakRssMb the JVM's peak resident set (VmHWM): every service shares this one process
 * @param viewBytes mean size of one view's JSON: the 5-node federated view and the central baseline
 */
public record BenchmarkReport(Map<String, String> machine, Map<String, String> settings, long startToAllHealthyMs,
        long seedMs, long peakRssMb, Map<String, Long> viewBytes, List<Measured> scenarios, List<Figure> figures) {

    public static final String FILE = "federation-benchmark.json";

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-34s %5s %8s %9s %9s %9s %9s %9s %7s %10s%n", "scenario", "nodes", "requests", "views/s",
                "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "errors", "cpu ms/req"));
        for (Measured m : scenarios) {
            out.append(String.format("%-34s %5d %8d %9.1f %9.2f %9.2f %9.2f %9.2f %7d %10.2f%n", m.scenario(), m.nodes(),
                    m.requests(), m.throughputPerSecond(), m.p50Ms(), m.p90Ms(), m.p99Ms(), m.p999Ms(), m.errors(),
                    m.cpuMsPerRequest()));
        }
        out.append(String.format("%n%-40s %8s %8s  %s%n", "figure", "value", "goal", "definition"));
        for (Figure f : figures) {
            String verdict = f.met() == null ? "" : f.met() ? " ok" : " MISSED";
            out.append(String.format("%-40s %8.2f %8s%-7s %s%n", f.figure(), f.value(), f.goal(), verdict, f.definition()));
        }
        out.append(String.format("%nstart to all healthy: %d ms; seeding: %d ms; peak RSS (VmHWM, ONE JVM holding every "
                + "service): %d MB%n", startToAllHealthyMs, seedMs, peakRssMb));
        out.append("view JSON bytes: ").append(viewBytes).append('\n');
        out.append("machine: ").append(machine).append('\n');
        out.append("settings: ").append(settings).append('\n');
        return out.toString();
    }

    Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(FILE);
            Files.writeString(file, BenchHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark report", e);
        }
    }

    /** Peak resident set of this process in MB, from /proc/self/status; -1 where there is no /proc. */
    static long readPeakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
