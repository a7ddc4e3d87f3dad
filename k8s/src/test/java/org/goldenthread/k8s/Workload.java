package org.goldenthread.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A pod template as it will run: its namespace and that namespace's labels, its labels and containers. */
record Workload(String kind, String name, String namespace, Map<String, String> namespaceLabels,
        Map<String, String> labels, String serviceAccount, PodTemplateSpec template) {

    String app() {
        return labels.getOrDefault("app.kubernetes.io/name", name);
    }

    List<Container> allContainers() {
        List<Container> all = new ArrayList<>(template.getSpec().getContainers());
        if (template.getSpec().getInitContainers() != null) {
            all.addAll(template.getSpec().getInitContainers());
        }
        return all;
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
