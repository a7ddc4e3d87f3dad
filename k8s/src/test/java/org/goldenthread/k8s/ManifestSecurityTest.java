package org.goldenthread.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The security and operations properties of every rendered overlay (issue 8, "Must be shown"). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestSecurityTest {

    private static final String HUB = "goldenthread-hub";
    private static final List<Integer> NODE_API_PORTS = List.of(8080, 9090);

    private List<RenderedOverlay> overlays;
    private RenderedOverlay demo;

    @BeforeAll
    void render() {
        overlays = Kustomize.OVERLAYS.stream().map(RenderedOverlay::render).toList();
        demo = overlays.stream().filter(o -> o.name().equals("demo")).findFirst().orElseThrow();
    }

    Stream<RenderedOverlay> overlays() {
        return overlays.stream();
    }

    private static List<String> each(RenderedOverlay overlay, java.util.function.BiFunction<Workload, Container, String> problem) {
        List<String> problems = new ArrayList<>();
        for (Workload w : Topology.workloads(overlay)) {
            for (Container c : w.allContainers()) {
                String p = problem.apply(w, c);
                if (p != null) {
                    problems.add(w + " " + c.getName() + ": " + p);
                }
            }
        }
        return problems;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EveryContainer {

        Stream<RenderedOverlay> overlays() {
            return overlays.stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("overlays")
        void runsAsNonRoot(RenderedOverlay overlay) {
            assertThat(each(overlay, (w, c) -> {
                PodSecurityContext pod = w.template().getSpec().getSecurityContext();
                SecurityContext own = c.getSecurityContext();
                boolean nonRoot = own != null && own.getRunAsNonRoot() != null ? own.getRunAsNonRoot()
                        : pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
                Long uid = own != null && own.getRunAsUser() != null ? own.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
                return nonRoot && (uid == null || uid != 0) ? null : "may run as root";
            })).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("overlays")
        void hasAReadOnlyRootFilesystemNoEscalationAndNoCapabilities(RenderedOverlay overlay) {
            assertThat(each(overlay, (w, c) -> {
                SecurityContext sc = c.getSecurityContext();
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    return "root filesystem writable";
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    return "privilege escalation allowed";
                }
                boolean dropsAll = sc.getCapabilities() != null && sc.getCapabilities().getDrop() != null
                        && sc.getCapabilities().getDrop().contains("ALL");
                boolean addsNone = sc.getCapabilities() == null || sc.getCapabilities().getAdd() == null
                        || sc.getCapabilities().getAdd().isEmpty();
                return dropsAll && addsNone ? null : "capabilities not dropped";
            })).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("overlays")
        void hasRequestsAndLimits(RenderedOverlay overlay) {
            assertThat(each(overlay, (w, c) -> {
                var r = c.getResources();
                boolean ok = r != null && r.getLimits() != null && r.getRequests() != null
                        && r.getLimits().keySet().containsAll(Set.of("cpu", "memory"))
                        && r.getRequests().keySet().containsAll(Set.of("cpu", "memory"));
                return ok ? null : "requests/limits for cpu and memory missing";
            })).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("overlays")
        void runsUnderTheRuntimeDefaultSeccompProfile(RenderedOverlay overlay) {
            assertThat(Topology.workloads(overlay)).allSatisfy(w -> assertThat(
                    w.template().getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("overlays")
        void takesSecretsByReferenceOnly(RenderedOverlay overlay) {
            assertThat(overlay.objects()).noneMatch(o -> o.getKind().equals("Secret"));
            assertThat(each(overlay, (w, c) -> {
                for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (env.getName().matches(".*(URI|PASSWORD|KEY|SECRET|TOKEN).*") && env.getValue() != null) {
                        return env.getName() + " given inline";
                    }
                }
                return null;
            })).isEmpty();
        }
    }

    @Nested
    class Operations {

        @Test
        void everyServiceHasStartupLivenessAndReadinessProbesAndNodesAGrpcReadinessProbe() {
            for (RenderedOverlay overlay : overlays) {
                overlay.all(Deployment.class).forEach(d -> {
                    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
                    assertThat(c.getStartupProbe()).as(d.getMetadata().getName()).isNotNull();
                    assertThat(c.getLivenessProbe()).as(d.getMetadata().getName()).isNotNull();
                    assertThat(c.getReadinessProbe()).as(d.getMetadata().getName()).isNotNull();
                    if (d.getMetadata().getName().equals("case-service")) {
                        // Native gRPC probe: on the federation port, or, once the node requires mutual TLS
                        // (federation-tls component), on its plaintext health-only port.
                        assertThat(c.getReadinessProbe().getGrpc()).as("native gRPC readiness probe").isNotNull();
                        assertThat(c.getReadinessProbe().getGrpc().getPort()).isIn(9090, 9091);
                    }
                });
            }
        }

        @Test
        void everyWorkloadHasAPodDisruptionBudget() {
            for (RenderedOverlay overlay : overlays) {
                List<PodDisruptionBudget> budgets = overlay.all(PodDisruptionBudget.class).toList();
                assertThat(Topology.workloads(overlay)).allSatisfy(w -> assertThat(budgets)
                        .as(overlay + " " + w)
                        .anyMatch(b -> b.getMetadata().getNamespace().equals(w.namespace())
                                && Selectors.matches(b.getSpec().getSelector(), w.labels())));
            }
        }

        @Test
        void theGatewayScalesHorizontally() {
            RenderedOverlay hub = overlays.get(0);
            assertThat(hub.all(HorizontalPodAutoscaler.class))
                    .anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals("gateway")
                            && h.getSpec().getMinReplicas() >= 2);
        }
    }

    @Nested
    class AgencyNodes {

        private List<Workload> nodes() {
            List<Workload> nodes = Topology.workloads(demo).stream().filter(w -> w.app().equals("case-service")).toList();
            assertThat(nodes).hasSize(5);
            return nodes;
        }

        @Test
        void networkPoliciesLetOnlyTheHubGatewayReachANodesApiPorts() {
            NetworkReach reach = new NetworkReach(demo);
            List<NetworkReach.Caller> callers = new ArrayList<>(Topology.workloads(demo).stream().map(NetworkReach.Caller::of).toList());
            callers.add(new NetworkReach.Caller("monitoring", Map.of("kubernetes.io/metadata.name", "monitoring"),
                    Map.of("app.kubernetes.io/name", "prometheus"), "prometheus"));
            callers.add(new NetworkReach.Caller("istio-ingress", Map.of("kubernetes.io/metadata.name", "istio-ingress",
                    "goldenthread.org/edge", "true"), Map.of("app", "istio-ingressgateway"), "ingress gateway"));
            for (Workload node : nodes()) {
                callers.add(new NetworkReach.Caller(node.namespace(), node.namespaceLabels(), Map.of("run", "debug"),
                        "a stray pod beside " + node));
                callers.add(new NetworkReach.Caller(HUB, Map.of("kubernetes.io/metadata.name", HUB), Map.of(), "a stray hub pod"));
            }
            for (Workload node : nodes()) {
                for (int port : NODE_API_PORTS) {
                    Set<String> admitted = new HashSet<>();
                    callers.stream().filter(c -> reach.admits(node, port, c)).forEach(c -> admitted.add(c.what()));
                    assertThat(admitted).as(node + ":" + port).containsExactly(HUB + "/gateway");
                }
            }
        }

        @Test
        void authorizationPoliciesLetOnlyTheGatewaysIdentityCallANodesApiPorts() {
            String gatewaySa = Topology.workloads(demo).stream().filter(w -> w.app().equals("gateway"))
                    .findFirst().orElseThrow().serviceAccount();
            String gateway = "cluster.local/ns/" + HUB + "/sa/" + gatewaySa;
            for (Workload node : nodes()) {
                List<JsonNode> policies = istio(node, "AuthorizationPolicy");
                assertThat(policies).as(node + " has ALLOW policies").isNotEmpty()
                        .allSatisfy(p -> assertThat(p.path("spec").path("action").asText("ALLOW")).isEqualTo("ALLOW"));
                for (JsonNode policy : policies) {
                    for (JsonNode rule : policy.path("spec").path("rules")) {
                        if (NODE_API_PORTS.stream().noneMatch(port -> covers(rule, port))) {
                            continue;
                        }
                        assertThat(rule.path("from")).as(node + " rule without source").isNotEmpty();
                        for (JsonNode from : rule.path("from")) {
                            JsonNode source = from.path("source");
                            assertThat(fieldNames(source)).as(node + " source").containsExactly("principals");
                            assertThat(source.path("principals")).extracting(JsonNode::asText).containsOnly(gateway);
                        }
                    }
                }
                assertThat(istio(node, "PeerAuthentication")).as(node + " strict mTLS")
                        .anyMatch(p -> p.path("spec").path("selector").isMissingNode()
                                && p.path("spec").path("mtls").path("mode").asText().equals("STRICT"));
            }
        }

        @Test
        void onlyTheManagementPortIsLeftPlainTextAndItServesNoApi() {
            for (Workload node : nodes()) {
                for (JsonNode p : istio(node, "PeerAuthentication")) {
                    p.path("spec").path("portLevelMtls").fieldNames().forEachRemaining(port -> assertThat(port).isEqualTo("8081"));
                }
            }
            assertThat(demo.all(io.fabric8.kubernetes.api.model.ConfigMap.class)
                    .filter(c -> c.getMetadata().getName().startsWith("case-service-config"))
                    .map(c -> c.getData().get("management.server.port"))).containsOnly("8081");
        }

        private List<JsonNode> istio(Workload target, String kind) {
            return demo.documents().stream().filter(d -> d.path("kind").asText().equals(kind))
                    .filter(d -> d.path("metadata").path("namespace").asText().equals(target.namespace()))
                    .filter(d -> {
                        JsonNode labels = d.path("spec").path("selector").path("matchLabels");
                        List<String> names = fieldNames(labels);
                        return names.stream().allMatch(k -> labels.path(k).asText().equals(target.labels().get(k)));
                    }).toList();
        }

        private static boolean covers(JsonNode rule, int port) {
            JsonNode to = rule.path("to");
            if (to.isMissingNode() || to.isEmpty()) {
                return true;
            }
            for (JsonNode t : to) {
                JsonNode ports = t.path("operation").path("ports");
                if (ports.isMissingNode() || ports.isEmpty()) {
                    return true;
                }
                for (JsonNode p : ports) {
                    if (p.asText().equals(Integer.toString(port))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static List<String> fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }
}
