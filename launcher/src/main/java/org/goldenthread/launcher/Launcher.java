package org.goldenthread.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Local federation in a box (ARCHITECTURE.md §9): identity, consent, outcomes, the gateway and
 * the five demo agency nodes on loopback, each with its own embedded store under {@code ./data},
 * seeded with the demo scenario. Ctrl-C stops everything; starting again reuses {@code ./data}.
 *
 * <p>Options: {@code --data-dir=PATH} (default {@code data}), {@code --gateway-port=N}
 * (default 8080).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(option(args, "--data-dir=", "data"));
        int gatewayPort = Integer.parseInt(option(args, "--gateway-port=", "8080"));
        DemoScenario scenario = DemoScenario.load();
        Instant begun = Instant.now();
        System.out.println("Golden Thread: starting the local federation (data in " + dataDir.toAbsolutePath() + ") ...");
        LocalFederation federation = LocalFederation.start(new FederationPlan(dataDir, gatewayPort, scenario.agencies(), true,
                        List.of("--logging.level.root=WARN", "--logging.structured.format.console=",
                                // The embedded store says at every start that it keeps no secondary indexes.
                                "--logging.level.de.bwaldvogel.mongo=ERROR",
                                "--logging.level.goldenthread.federation.audit=INFO")),
                (service, url, millis) -> System.out.printf("  %-24s %s  (%d ms)%n", service, url, millis));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nGolden Thread: stopping ...");
            federation.close();
            stopped.countDown();
        }, "golden-thread-stop"));
        Readiness.await(federation.healthUrls(), Duration.ofSeconds(60));
        DemoScenario.SeedReport seeded = scenario.seed(federation);
        Banner.print(federation, scenario, seeded, Duration.between(begun, Instant.now()));
        stopped.await();
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }
}
