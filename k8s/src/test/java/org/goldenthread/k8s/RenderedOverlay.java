package org.goldenthread.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** One rendered overlay: each object both as plain JSON (for the schema) and as a typed fabric8 model. */
record RenderedOverlay(String name, List<JsonNode> documents, List<HasMetadata> objects) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Rendered once per test JVM: the manifests do not change while the tests run. */
    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    static RenderedOverlay render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, RenderedOverlay::renderNow);
    }

    private static RenderedOverlay renderNow(String overlay) {
        String yaml = Kustomize.render(overlay);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document != null) {
                documents.add(JSON.valueToTree((Map<?, ?>) document));
            }
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : documents) {
            try {
                objects.add((HasMetadata) JSON.treeToValue(document, KubernetesResource.class));
            } catch (Exception e) {
                throw new AssertionError(overlay + ": " + document.path("kind").asText() + " "
                        + document.path("metadata").path("name").asText() + " does not match its schema: "
                        + e.getMessage(), e);
            }
        }
        return new RenderedOverlay(overlay, List.copyOf(documents), List.copyOf(objects));
    }

    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }

    @Override
    public String toString() {
        return name;
    }
}
