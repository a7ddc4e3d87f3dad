package org.goldenthread.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The workloads of a rendered overlay, with the labels their namespaces will carry on a cluster. */
final class Topology {

    private Topology() {
    }

    static List<Workload> workloads(RenderedOverlay overlay) {
        Map<String, Map<String, String>> namespaces = new HashMap<>();
        overlay.all(Namespace.class).forEach(n -> namespaces.put(n.getMetadata().getName(), namespaceLabels(n)));
        List<Workload> workloads = new ArrayList<>();
        overlay.all(Deployment.class).forEach(d -> workloads.add(of(d, d.getSpec().getTemplate(), namespaces)));
        overlay.all(StatefulSet.class).forEach(s -> workloads.add(of(s, s.getSpec().getTemplate(), namespaces)));
        return workloads;
    }

    /** The API server adds kubernetes.io/metadata.name to every namespace. */
    static Map<String, String> namespaceLabels(Namespace namespace) {
        Map<String, String> labels = new HashMap<>(ManifestSchemaTest.labels(namespace));
        labels.put("kubernetes.io/metadata.name", namespace.getMetadata().getName());
        return labels;
    }

    private static Workload of(HasMetadata owner, PodTemplateSpec template, Map<String, Map<String, String>> namespaces) {
        String namespace = owner.getMetadata().getNamespace();
        return new Workload(owner.getKind(), owner.getMetadata().getName(), namespace,
                namespaces.getOrDefault(namespace, Map.of("kubernetes.io/metadata.name", namespace)),
                template.getMetadata().getLabels(), template.getSpec().getServiceAccountName(), template);
    }
}
