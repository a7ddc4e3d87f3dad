package org.goldenthread.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Kubernetes configures the services with the keys the launcher uses and the services read: a key renamed on
 * one side (the launcher, a service's YAML or properties record, or a manifest) fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesConfigKeysTest {

    /** Launcher arguments that only make sense for many services in one JVM on loopback. */
    private static final Map<String, String> LAUNCHER_ONLY = Map.of(
            "goldenthread.store.data-dir", "the embedded store's directory; pods use MONGODB_URI",
            "spring.main.banner-mode", "console cosmetics",
            "spring.cloud.gateway.server.webflux.enabled", "keeps gateway routes out of the other contexts of one JVM",
            "goldenthread.identity.browser-url",
            "browsers reach identity at its own loopback port; in k8s the issuer, the hub's public address, is that URL");

    /** Spring Boot's own keys the manifests set and no service YAML needs to mention. */
    private static final Set<String> SPRING_BOOT_KEYS = Set.of("management.server.port", "management.server.address");

    private static final List<String> SERVICES =
            List.of("identity-service", "consent-service", "outcomes-service", "case-service", "gateway");

    private List<RenderedOverlay> overlays;
    private Map<String, Set<String>> demoKeysByService;

    @BeforeAll
    void render() {
        overlays = Kustomize.OVERLAYS.stream().map(RenderedOverlay::render).toList();
        RenderedOverlay demo = overlays.stream().filter(o -> o.name().equals("demo")).findFirst().orElseThrow();
        demoKeysByService = new HashMap<>();
        demo.all(Deployment.class).forEach(d -> demoKeysByService
                .computeIfAbsent(d.getMetadata().getName(), s -> new HashSet<>()).addAll(DeploymentConfig.keys(demo, d)));
    }

    @Test
    void everyKeyAManifestSetsIsOneItsServiceReads() {
        List<String> unread = new ArrayList<>();
        for (RenderedOverlay overlay : overlays) {
            overlay.all(Deployment.class).forEach(d -> {
                String service = d.getMetadata().getName();
                Set<String> shared = sharedKeys(overlay, d.getMetadata().getNamespace());
                for (String key : DeploymentConfig.keys(overlay, d)) {
                    boolean read = SPRING_BOOT_KEYS.contains(key) || ServiceSources.reads(service, key)
                            // The federation's addresses go to every service, as the launcher's common arguments
                            // do; each must still be read by some service.
                            || shared.contains(key) && SERVICES.stream().anyMatch(s -> ServiceSources.reads(s, key));
                    if (!read) {
                        unread.add(overlay + " " + service + ": " + key);
                    }
                }
            });
        }
        assertThat(unread).isEmpty();
    }

    private static Set<String> sharedKeys(RenderedOverlay overlay, String namespace) {
        Set<String> keys = new HashSet<>();
        overlay.all(io.fabric8.kubernetes.api.model.ConfigMap.class)
                .filter(c -> c.getMetadata().getNamespace().equals(namespace))
                .filter(c -> c.getMetadata().getName().startsWith("goldenthread-federation"))
                .forEach(c -> keys.addAll(c.getData().keySet()));
        return keys;
    }

    @Test
    void everyKeyTheLauncherPassesIsSetInKubernetes() {
        Set<String> launcher = new HashSet<>(ServiceSources.launcherKeys());
        assertThat(launcher).as("the launcher's keys were found").contains("goldenthread.identity.url", "server.port");
        launcher.removeAll(LAUNCHER_ONLY.keySet());
        Set<String> setSomewhere = new HashSet<>();
        demoKeysByService.values().forEach(setSomewhere::addAll);
        assertThat(setSomewhere).containsAll(launcher);
    }

    @Test
    void everyLauncherKeyAServiceDeclaresIsSetForThatService() {
        List<String> missing = new ArrayList<>();
        for (String key : ServiceSources.launcherKeys()) {
            if (LAUNCHER_ONLY.containsKey(key)) {
                continue;
            }
            demoKeysByService.forEach((service, keys) -> {
                // Its YAML default (loopback addresses, port 0) is the launcher's to replace, and Kubernetes' too.
                if (ServiceSources.yamlKeys(service).contains(key) && !keys.contains(key)) {
                    missing.add(service + ": " + key);
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyNodeNamesItsAgencyAndEveryPodListensBeyondLoopback() {
        for (RenderedOverlay overlay : overlays) {
            overlay.all(io.fabric8.kubernetes.api.model.ConfigMap.class).forEach(c -> {
                Map<String, String> data = c.getData();
                if (c.getMetadata().getName().startsWith("case-service-config")) {
                    assertThat(data.get("goldenthread.node.agency-id")).as(overlay + " " + c.getMetadata().getNamespace())
                            .matches("[a-z][a-z0-9-]{1,30}");
                    assertThat(data.get("goldenthread.node.grpc.address")).isEqualTo("0.0.0.0");
                }
                if (data != null && data.containsKey("server.port")) {
                    assertThat(data.get("server.address")).as(c.getMetadata().getName()).isEqualTo("0.0.0.0");
                }
            });
        }
    }
}
