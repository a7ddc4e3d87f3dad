package org.goldenthread.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.goldenthread.consent.registry.AgencyProfiles;
import org.goldenthread.gateway.registry.AgencyDirectory;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.launcher.AgencySpec;
import org.goldenthread.launcher.FederationPlan;
import org.goldenthread.launcher.LocalFederation;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The federation benchmark (README, "Performance"): boots identity, consent, the gateway and N
 * generated agency nodes in this JVM through {@link LocalFederation} (production wiring, mutual
 * TLS), seeds a synthetic population through the nodes' own stores and consents through the
 * gateway, then drives closed loops and prints one table of latencies, throughput and ratios,
 * also written as JSON to {@code target/federation-benchmark.json}.
 *
 * <p>Changed from production, and said so in the output: the per-user federation rate limit is
 * raised (the load is one user), and the services log to a file instead of the console.
 */
public final class FederationBenchmark {

    static final String PASSWORD = "golden-thread-bench-1";
    static final String USER = "bench.keyworker";
    private static final String RATE_LIMIT = "1000000000";
    private static final List<List<String>> CATEGORY_SETS = List.of(
            List.of("INVOLVEMENT", "SOCIAL_CARE", "EDUCATION", "SAFEGUARDING", "FINANCE"),
            List.of("INVOLVEMENT", "CRIME", "ASB", "DOMESTIC_ABUSE", "SAFEGUARDING"),
            List.of("INVOLVEMENT", "HOUSING", "ASB", "FINANCE"),
            List.of("INVOLVEMENT", "HEALTH_MENTAL", "SUBSTANCE_MISUSE", "HEALTH_PHYSICAL"),
            List.of("INVOLVEMENT", "EMPLOYMENT", "EDUCATION", "FINANCE"));

    private FederationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        BenchmarkReport report = run(options, System.out);
        System.out.println();
        System.out.print(report.table());
        System.out.println("written to " + options.out().resolve(BenchmarkReport.FILE).toAbsolutePath());
        // Netty and gRPC threads of the closed contexts need not keep the JVM alive.
        System.exit(0);
    }

    /** Runs the whole benchmark in a fresh temporary data directory, which is deleted afterwards. */
    public static BenchmarkReport run(BenchmarkOptions options, java.io.PrintStream progress) throws Exception {
        Path data = Files.createTempDirectory("golden-thread-bench");
        Files.createDirectories(options.out());
        List<AgencySpec> agencies = agencies(options.nodes());
        Map<String, String> settings = settings(options);
        List<String> arguments = new ArrayList<>(List.of(
                "--goldenthread.gateway.node-deadline=" + options.deadline().toMillis() + "ms",
                "--resilience4j.ratelimiter.configs.federation-user.limit-for-period=" + RATE_LIMIT,
                "--logging.file.name=" + options.out().toAbsolutePath().resolve("federation-benchmark.log"),
                "--logging.threshold.console=WARN",
                "--logging.level.de.bwaldvogel.mongo=ERROR",
                "--logging.level.org.springdoc=ERROR"));
        options.properties().forEach(p -> arguments.add("--" + p));
        progress.printf("Golden Thread federation benchmark: %d nodes, %d subjects (+%d background per node), "
                + "concurrency %d, warm-up %s, measure %s per scenario%n", options.nodes(), options.subjects(),
                options.background(), options.concurrency(), options.warmUp(), options.measure());
        BenchHttp http = new BenchHttp();
        long begun = System.nanoTime();
        try (LocalFederation federation = LocalFederation.start(new FederationPlan(data, 0, agencies, false, arguments),
                (service, url, ms) -> progress.printf("  started %-24s (%d ms)%n", service, ms));
                SilentNode silent = new SilentNode()) {
            http.awaitHealthy(federation.healthUrls(), java.time.Duration.ofMinutes(5));
            long healthy = (System.nanoTime() - begun) / 1_000_000;
            progress.printf("all %d services healthy after %d ms; seeding ...%n", federation.healthUrls().size(), healthy);

            long seedStart = System.nanoTime();
            register(federation, silent, agencies);
            List<ConfigurableApplicationContext> nodes = agencies.stream().map(a -> federation.node(a.id())).toList();
            Population.seed(agencies, nodes, options.subjects(), options.background());
            List<Person> subjects = Population.subjects(options.subjects());
            String token = http.login(federation.gatewayUrl(), USER, PASSWORD);
            Map<String, String> dpos = new LinkedHashMap<>();
            for (String source : sources(agencies)) {
                dpos.put(source, http.login(federation.gatewayUrl(), dpo(source), PASSWORD));
            }
            for (int s = 0; s < subjects.size(); s++) {
                var recorded = http.post(federation.gatewayUrl() + "/api/consents", token, consent(subjects.get(s), s));
                BenchHttp.expect(recorded, 201, "record a benchmark consent");
                String id = BenchHttp.JSON.readTree(recorded.body()).get("id").asString();
                // It says "all": each source's DPO acknowledges it, as they would a reviewed consent (issue 14).
                for (Map.Entry<String, String> dpo : dpos.entrySet()) {
                    BenchHttp.expect(http.post(federation.gatewayUrl() + "/api/consents/consent-reviews/" + id
                            + ".r1/acknowledgement", dpo.getValue(), "{}"), 200, "acknowledge a benchmark consent");
                }
            }
            long seeded = (System.nanoTime() - seedStart) / 1_000_000;
            progress.printf("seeded in %d ms; running scenarios ...%n", seeded);

            Scenarios scenarios = new Scenarios(options, federation, http, subjects, agencies, data, progress);
            List<Measured> measured = scenarios.runAll();
            BenchmarkReport report = new BenchmarkReport(machine(), settings, healthy, seeded, BenchmarkReport.readPeakRssMb(),
                    scenarios.viewBytes(), measured, scenarios.figures(measured));
            report.write(options.out());
            return report;
        } finally {
            delete(data);
        }
    }

    static List<AgencySpec> agencies(int count) {
        List<AgencySpec> agencies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            agencies.add(new AgencySpec(String.format("agency-%02d", i), String.format("Benchmark agency %02d", i),
                    CATEGORY_SETS.get((i - 1) % CATEGORY_SETS.size())));
        }
        return agencies;
    }

    /** Every agency whose DPO acknowledges the benchmark's consents: the nodes and the silent one. */
    private static List<String> sources(List<AgencySpec> agencies) {
        List<String> sources = new ArrayList<>(agencies.stream().map(AgencySpec::id).toList());
        sources.add(Scenarios.SILENT);
        return sources;
    }

    private static String dpo(String agency) {
        return "dpo." + agency;
    }

    /**
     * The requester, each source's DPO, and a node that never answers (registered, not pinned, as a real agency
     * would be); consent-service reads the registry again so that the silent agency is known to it.
     */
    private static void register(LocalFederation federation, SilentNode silent, List<AgencySpec> agencies) {
        UserDirectory users = federation.identity().getBean(UserDirectory.class);
        users.ensureUser(USER, "Benchmark Key Worker", "council", Set.of(Role.KEY_WORKER), PASSWORD);
        for (String source : sources(agencies)) {
            users.ensureUser(dpo(source), "Benchmark DPO", source, Set.of(Role.DPO), PASSWORD);
        }
        federation.identity().getBean(AgencyRegistry.class).register(new Agency(Scenarios.SILENT, "Silent node",
                silent.target(), null, null, List.of("CRIME"), AgencyStatus.ACTIVE));
        federation.gateway().getBean(AgencyDirectory.class).refresh();
        federation.consent().getBean(AgencyProfiles.class).refresh();
    }

    /** Consent to share with every partner for case management, as the demo's Tom Hale gave it. */
    private static String consent(Person p, int n) {
        return """
                {"subject":%s,"period":{"start":"%s"},
                 "evidence":{"kind":"SIGNED_FORM","reference":"BENCH-%d","privacyNoticeVersion":"v3"},
                 "provisions":[{"type":"PERMIT","allSources":true,"allRecipients":true,"purposes":["CASE_MANAGEMENT"],
                                "allCategories":true}]}"""
                .formatted(p.json(), java.time.Instant.now().minus(java.time.Duration.ofDays(1)), n);
    }

    private static Map<String, String> settings(BenchmarkOptions o) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("nodes", Integer.toString(o.nodes()));
        s.put("subjects", o.subjects() + " (3 cases, 40 events, 4 plan actions, 2 RAG changes per case each, on every node)");
        s.put("backgroundSubjectsPerNode", Integer.toString(o.background()));
        s.put("concurrency", Integer.toString(o.concurrency()));
        s.put("warmUp", o.warmUp().toString());
        s.put("measure", o.measure().toString());
        s.put("goldenthread.gateway.node-deadline", o.deadline().toMillis() + "ms");
        s.put("changedFromProduction", "resilience4j.ratelimiter.configs.federation-user.limit-for-period=" + RATE_LIMIT
                + " (production: 60 per 60s per user; the load is one user); service logs to a file, not the console");
        s.put("extraProperties", o.properties().toString());
        s.put("topology", "one JVM: identity, consent, gateway and every node, loopback, mutual TLS gateway-to-nodes, "
                + "embedded store per service; load generator in the same JVM");
        return s;
    }

    private static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("maxHeapMb", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
