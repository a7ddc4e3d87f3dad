package org.goldenthread.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration keys a Deployment gives its service: the keys of the ConfigMaps and Secret items mounted as
 * Spring config trees (SPRING_CONFIG_IMPORT=configtree:dir/, where each file name is a property name), and its
 * environment variables.
 */
final class DeploymentConfig {

    private DeploymentConfig() {
    }

    static Set<String> keys(RenderedOverlay overlay, Deployment deployment) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<EnvVar> env = container.getEnv() == null ? List.of() : container.getEnv();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> trees = new LinkedHashSet<>();
        for (EnvVar var : env) {
            if (var.getName().equals("SPRING_CONFIG_IMPORT")) {
                Arrays.stream(var.getValue().split(",")).map(String::trim).map(s -> s.replaceFirst("^optional:", ""))
                        .filter(s -> s.startsWith("configtree:")).map(s -> s.substring("configtree:".length()))
                        .forEach(trees::add);
            } else {
                keys.add(var.getName());
            }
        }
        for (VolumeMount mount : container.getVolumeMounts()) {
            if (!trees.contains(mount.getMountPath() + "/")) {
                continue;
            }
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            if (volume.getConfigMap() != null) {
                ConfigMap map = overlay.all(ConfigMap.class)
                        .filter(c -> c.getMetadata().getNamespace().equals(deployment.getMetadata().getNamespace()))
                        .filter(c -> c.getMetadata().getName().equals(volume.getConfigMap().getName()))
                        .findFirst().orElseThrow(() -> new AssertionError(deployment.getMetadata().getName()
                                + " mounts a ConfigMap the overlay does not render: " + volume.getConfigMap().getName()));
                keys.addAll(map.getData().keySet());
            } else if (volume.getSecret() != null) {
                List<KeyToPath> items = volume.getSecret().getItems();
                if (items == null || items.isEmpty()) {
                    throw new AssertionError(deployment.getMetadata().getName() + ": config-tree secret "
                            + volume.getSecret().getSecretName() + " must name its keys (items)");
                }
                items.forEach(i -> keys.add(i.getPath()));
            }
        }
        return keys;
    }
}
