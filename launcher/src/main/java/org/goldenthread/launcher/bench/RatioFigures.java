package org.goldenthread.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The ratios, each between two scenarios of the same run. */
final class RatioFigures {

    private RatioFigures() {
    }

    static List<Figure> of(BenchmarkOptions o, Map<String, Measured> byName, List<Measured> all) {
        Measured one = byName.get(Scenarios.gatewayName(1));
        Measured ten = byName.get(Scenarios.gatewayName(o.ten()));
        Measured five = byName.get(Scenarios.gatewayName(o.five()));
        Measured most = byName.get(Scenarios.gatewayName(o.nodes()));
        Measured direct = find(all, "direct gRPC");
        Measured central = find(all, "central store");
        Measured silentClosed = find(all, "breaker held closed");
        Measured silentOpen = find(all, "breaker open");
        double deadline = o.deadline().toMillis();
        List<Figure> figures = new ArrayList<>();
        String n10 = o.ten() + " nodes", n5 = o.five() + " nodes";
        figures.add(Figure.atMost("fan-out efficiency p50", "view p50, " + n10 + " / 1 node, via the gateway",
                ten.p50Ms(), one.p50Ms(), 1.3));
        figures.add(Figure.atMost("fan-out efficiency p99", "view p99, " + n10 + " / 1 node, via the gateway",
                ten.p99Ms(), one.p99Ms(), 2.0));
        figures.add(Figure.reported("fan-out efficiency p50, 1 at a time", "view p50, " + n10
                + " / 1 node, concurrency 1 (no queueing for the cores)",
                byName.get(Scenarios.gatewayName(o.ten()) + ", 1 at a time").p50Ms(),
                byName.get(Scenarios.gatewayName(1) + ", 1 at a time").p50Ms()));
        figures.add(Figure.atMost("gateway overhead p50", "view p50 via the gateway, 1 node / direct gRPC with a held grant",
                one.p50Ms(), direct.p50Ms(), 3.0));
        figures.add(Figure.atLeast("cost of federation", "views/s federated, " + n5 + " / central store baseline",
                five.throughputPerSecond(), central.throughputPerSecond(), 0.5));
        figures.add(Figure.atMost("slow-node isolation, deadline", "view p99 with 1 of " + silentClosed.nodes()
                + " silent (breaker closed) / node deadline " + o.deadline().toMillis() + " ms", silentClosed.p99Ms(), deadline, 1.1));
        figures.add(Figure.atMost("slow-node isolation, breaker open", "view p99 with the silent node's breaker open / healthy "
                + n5 + " p99", silentOpen.p99Ms(), five.p99Ms(), 1.2));
        figures.add(Figure.reported("scale in nodes", "view p50, " + o.nodes() + " nodes / 1 node (curve: "
                + curve(o, byName) + ")", most.p50Ms(), one.p50Ms()));
        return figures;
    }

    private static String curve(BenchmarkOptions o, Map<String, Measured> byName) {
        StringBuilder s = new StringBuilder();
        for (int k : o.scalePoints()) {
            s.append(s.isEmpty() ? "" : ", ").append(k).append(": ").append(byName.get(Scenarios.gatewayName(k)).p50Ms()).append(" ms");
        }
        return s.toString();
    }

    private static Measured find(List<Measured> all, String part) {
        return all.stream().filter(m -> m.scenario().contains(part)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no scenario '" + part + "' in the run"));
    }
}
