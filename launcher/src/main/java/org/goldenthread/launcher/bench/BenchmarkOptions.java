package org.goldenthread.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;

/**
 * What to run. Defaults are the full benchmark (under 10 minutes on two cores); the smoke test
 * passes small values.
 *
 * @param nodes agency nodes started (the largest point of the scale curve)
 * @param subjects benchmark subjects (asked about in turn; each on every node)
 * @param background further subjects per node, different people on each, never asked about
 * @param concurrency requests in flight in every closed loop
 * @param warmUp untimed load before each scenario
 * @param measure timed load per scenario
 * @param deadline the gateway's per-node deadline ({@code goldenthread.gateway.node-deadline})
 * @param out where the JSON (and the services' log) is written
 * @param properties further {@code key=value} Spring properties given to every service (e.g. to
 *        compare a gateway setting); listed in the output
 */
public record BenchmarkOptions(int nodes, int subjects, int background, int concurrency, Duration warmUp,
        Duration measure, Duration deadline, Path out, java.util.List<String> properties) {

    /**
     * consent-service decides for at most 50 agencies per request (its DecisionBody, the gateway's
     * view limit too), and the gateway asks one decision per view.
     */
    public static final int MAX_AGENCIES_PER_DECISION = 50;

    /** The largest point: a county's partnership of 25 agencies. */
    static final int DEFAULT_NODES = 25;

    public static BenchmarkOptions defaults() {
        // Run from the repository root (spring-boot:run) the module's target is launcher/target.
        Path out = Files.isDirectory(Path.of("launcher")) ? Path.of("launcher", "target") : Path.of("target");
        return new BenchmarkOptions(DEFAULT_NODES, 20, 100, 8, Duration.ofSeconds(5), Duration.ofSeconds(12),
                Duration.ofMillis(800), out, java.util.List.of());
    }

    /** {@code --nodes=25 --subjects=20 --background=100 --concurrency=8 --warmup=5s --measure=12s --deadline=800ms --out=DIR [--property=key=value ...]}. */
    public static BenchmarkOptions parse(String[] args) {
        BenchmarkOptions o = defaults();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            o = switch (kv[0]) {
                case "nodes" -> new BenchmarkOptions(Integer.parseInt(kv[1]), o.subjects, o.background, o.concurrency, o.warmUp, o.measure, o.deadline, o.out, o.properties);
                case "subjects" -> new BenchmarkOptions(o.nodes, Integer.parseInt(kv[1]), o.background, o.concurrency, o.warmUp, o.measure, o.deadline, o.out, o.properties);
                case "background" -> new BenchmarkOptions(o.nodes, o.subjects, Integer.parseInt(kv[1]), o.concurrency, o.warmUp, o.measure, o.deadline, o.out, o.properties);
                case "concurrency" -> new BenchmarkOptions(o.nodes, o.subjects, o.background, Integer.parseInt(kv[1]), o.warmUp, o.measure, o.deadline, o.out, o.properties);
                case "warmup" -> new BenchmarkOptions(o.nodes, o.subjects, o.background, o.concurrency, duration(kv[1]), o.measure, o.deadline, o.out, o.properties);
                case "measure" -> new BenchmarkOptions(o.nodes, o.subjects, o.background, o.concurrency, o.warmUp, duration(kv[1]), o.deadline, o.out, o.properties);
                case "deadline" -> new BenchmarkOptions(o.nodes, o.subjects, o.background, o.concurrency, o.warmUp, o.measure, duration(kv[1]), o.out, o.properties);
                case "out" -> new BenchmarkOptions(o.nodes, o.subjects, o.background, o.concurrency, o.warmUp, o.measure, o.deadline, Path.of(kv[1]), o.properties);
                case "property" -> new BenchmarkOptions(o.nodes, o.subjects, o.background, o.concurrency, o.warmUp, o.measure, o.deadline, o.out,
                        java.util.stream.Stream.concat(o.properties.stream(), java.util.stream.Stream.of(kv[1])).toList());
                default -> throw new IllegalArgumentException("unknown option --" + kv[0]);
            };
        }
        return o;
    }

    public BenchmarkOptions {
        if (nodes < 1 || subjects < 1 || background < 0 || concurrency < 1) {
            throw new IllegalArgumentException("nodes, subjects and concurrency must be at least 1");
        }
        if (nodes > MAX_AGENCIES_PER_DECISION) {
            throw new IllegalArgumentException("at most " + MAX_AGENCIES_PER_DECISION + " nodes: consent-service decides "
                    + "for at most that many agencies per request, and a view is one decision");
        }
        properties = java.util.List.copyOf(properties);
    }

    /** 1, 5, 10, 25 nodes, as far as started, and the largest. */
    TreeSet<Integer> scalePoints() {
        TreeSet<Integer> points = new TreeSet<>();
        for (int p : new int[] {1, 5, 10, 25}) {
            if (p <= nodes) {
                points.add(p);
            }
        }
        points.add(nodes);
        return points;
    }

    int five() {
        return Math.min(5, nodes);
    }

    int ten() {
        return Math.min(10, nodes);
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
        }
        return Duration.ofMillis(Long.parseLong(text));
    }
}
