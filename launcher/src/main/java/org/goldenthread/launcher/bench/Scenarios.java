package org.goldenthread.launcher.bench;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.gateway.federation.FederatedView;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.launcher.AgencySpec;
import org.goldenthread.launcher.LocalFederation;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenarios of one run, in order, and the ratios between them. Every gateway scenario asks
 * for the view of the benchmark subjects in turn, naming the agencies to ask (the first k of the
 * generated ones), so one federation serves every point of the scale curve.
 */
final class Scenarios {

    static final String SILENT = "silent";

    private final BenchmarkOptions options;
    private final LocalFederation federation;
    private final BenchHttp http;
    private final List<Person> subjects;
    private final List<AgencySpec> agencies;
    private final Path data;
    private final PrintStream progress;
    private final Map<String, Long> viewBytes = new LinkedHashMap<>();
    private final Map<String, Measured> byName = new LinkedHashMap<>();
    private String token;

    Scenarios(BenchmarkOptions options, LocalFederation federation, BenchHttp http, List<Person> subjects,
            List<AgencySpec> agencies, Path data, PrintStream progress) {
        this.options = options;
        this.federation = federation;
        this.http = http;
        this.subjects = subjects;
        this.agencies = agencies;
        this.data = data;
        this.progress = progress;
    }

    List<Measured> runAll() throws Exception {
        token = http.login(federation.gatewayUrl(), FederationBenchmark.USER, FederationBenchmark.PASSWORD);
        prime();
        String view = federation.gatewayUrl() + "/api/federation/subjects/view";
        for (int k : options.scalePoints()) {
            measure(gatewayName(k), k, gateway(view, first(k), k));
        }
        // The same fan-out with one request at a time: latency without queueing for the shared cores.
        for (int k : new java.util.TreeSet<>(List.of(1, options.ten()))) {
            measure(gatewayName(k) + ", 1 at a time", k, 1, options.warmUp(), options.measure(), gateway(view, first(k), k));
        }
        direct();
        central();
        silentNode();
        return List.copyOf(byName.values());
    }

    /**
     * Every subject's view from every node once, untimed: opens each node's channel (TLS handshake),
     * fetches the key sets, and gets the first-call class loading out of the scenarios.
     */
    private void prime() {
        String url = federation.gatewayUrl() + "/api/federation/subjects/view";
        String incomplete = "";
        // Cold first calls can pass the node deadline; a few rounds, until one round is complete.
        for (int round = 0; round < 5; round++) {
            incomplete = "";
            for (Person p : subjects) {
                HttpResponse<String> answer = http.post(url, token, Views.body(p, first(agencies.size())));
                if (answer.statusCode() != 200 || Views.okCount(answer.body()) != agencies.size()) {
                    incomplete = "HTTP " + answer.statusCode() + " " + Views.statuses(answer.body());
                }
            }
            if (incomplete.isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("a benchmark subject's view stays incomplete: " + incomplete);
    }

    private void direct() {
        String agency = agencies.get(0).id();
        String target = federation.identity().getBean(AgencyRegistry.class).find(agency).orElseThrow().grpcTarget();
        try (DirectNode node = new DirectNode(target, federation.pki(), options.deadline())) {
            // A grant is honoured once: one per fetch the scenario can make (about 600/s is beyond this machine).
            long seconds = options.warmUp().plus(options.measure()).toSeconds() + 1;
            node.prepare(http, federation.consentUrl(), token, federation.gateway().getBean(LinkageTokens.class), agency,
                    subjects, (int) Math.min(50_000, seconds * 600));
            measure("direct gRPC, 1 node (grant held)", 1, node::fetch);
            if (node.extraDecisions() > 0) {
                System.out.println("direct gRPC: " + node.extraDecisions() + " fetches asked for a decision first");
            }
        }
    }

    private void central() {
        int five = options.five();
        JsonMapper json = federation.gateway().getBeanProvider(JsonMapper.class).getIfAvailable(() -> JsonMapper.builder().build());
        try (CentralStore central = new CentralStore(data, json, federation.gateway().getBean(ReactiveJwtDecoder.class))) {
            long federatedBytes = 0;
            for (int s = 0; s < subjects.size(); s++) {
                HttpResponse<String> answer = http.post(federation.gatewayUrl() + "/api/federation/subjects/view", token,
                        Views.body(subjects.get(s), first(five)));
                BenchHttp.expect(answer, 200, "read the federated view for the central store");
                FederatedView view = json.readValue(answer.body(), FederatedView.class);
                if (Views.okCount(answer.body()) != five) {
                    throw new IllegalStateException("a benchmark subject's view is incomplete: " + Views.statuses(answer.body()));
                }
                central.load(subjects.get(s).nhsNumber(), view);
                federatedBytes += answer.body().length();
            }
            String url = central.start() + "/central/view";
            long centralBytes = 0;
            for (Person p : subjects) {
                centralBytes += http.post(url, token, Views.body(p, first(five))).body().length();
            }
            viewBytes.put("federated, " + five + " nodes", federatedBytes / subjects.size());
            viewBytes.put("central store", centralBytes / subjects.size());
            measure("central store baseline (" + five + " agencies)", 1, gateway(url, first(five), five));
        }
    }

    /** One of five never answers: first with its breaker kept closed (every call waits the deadline), then open. */
    private void silentNode() {
        int healthy = Math.min(4, agencies.size());
        List<String> asked = new ArrayList<>(first(healthy));
        asked.add(SILENT);
        ClosedLoop.Request request = gateway(federation.gatewayUrl() + "/api/federation/subjects/view", asked, healthy);
        CircuitBreaker breaker = federation.gateway().getBean(CircuitBreakerRegistry.class).circuitBreaker("node-" + SILENT, "node");
        breaker.transitionToDisabledState();
        measure("1 of " + (healthy + 1) + " silent, breaker held closed", healthy + 1, request);
        breaker.transitionToClosedState();
        for (int i = 0; i < 50 && breaker.getState() != CircuitBreaker.State.OPEN; i++) {
            try {
                request.send();
            } catch (Exception e) {
                throw new IllegalStateException("view failed while opening the breaker", e);
            }
        }
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            throw new IllegalStateException("the silent node's breaker did not open");
        }
        // Timed while the breaker stays open (wait-duration-in-open-state 15s), before it half-opens.
        Duration measure = options.measure().compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : options.measure();
        measure("1 of " + (healthy + 1) + " silent, breaker open", healthy + 1, options.concurrency(),
                Duration.ofSeconds(1), measure, request);
    }

    private void measure(String name, int nodes, ClosedLoop.Request request) {
        measure(name, nodes, options.concurrency(), options.warmUp(), options.measure(), request);
    }

    private void measure(String name, int nodes, int concurrency, Duration warmUp, Duration measure, ClosedLoop.Request request) {
        Measured m = ClosedLoop.run(name, nodes, concurrency, warmUp, measure, request);
        byName.put(name, m);
        progress.printf("  %-34s p50 %8.2f ms  p99 %8.2f ms  %8.1f views/s  errors %d%n", name, m.p50Ms(), m.p99Ms(),
                m.throughputPerSecond(), m.errors());
    }

    /** A view request per subject, in turn; correct when every healthy agency answered OK. */
    private ClosedLoop.Request gateway(String url, List<String> asked, int expectedOk) {
        List<HttpRequest> requests = subjects.stream().map(p -> HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(Views.body(p, asked))).build()).toList();
        AtomicInteger next = new AtomicInteger();
        return () -> {
            HttpResponse<String> answer = http.send(requests.get(Math.floorMod(next.getAndIncrement(), requests.size())));
            return answer.statusCode() == 200 && Views.okCount(answer.body()) == expectedOk;
        };
    }

    private List<String> first(int k) {
        return agencies.subList(0, k).stream().map(AgencySpec::id).toList();
    }

    static String gatewayName(int k) {
        return "gateway view, " + k + (k == 1 ? " node" : " nodes");
    }

    Map<String, Long> viewBytes() {
        return Map.copyOf(viewBytes);
    }

    List<Figure> figures(List<Measured> all) {
        return RatioFigures.of(options, byName, all);
    }
}
