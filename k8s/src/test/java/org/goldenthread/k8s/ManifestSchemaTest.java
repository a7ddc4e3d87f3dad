package org.goldenthread.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.schema.validator.ValidationReport;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay renders, and every rendered object is valid: against the Kubernetes API's OpenAPI schema
 * (fabric8's validator, Kubernetes 1.34 plus the Prometheus Operator types), and as a typed model — Kubernetes,
 * Istio (networking.istio.io/v1, security.istio.io/v1), cert-manager, Prometheus Operator — generated from the
 * same schemas and CRDs, with unknown fields as errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestSchemaTest {

    /** Kinds outside the core API: no OpenAPI document of the validator knows them; their typed models do. */
    private static final Set<String> CRD_GROUPS = Set.of("networking.istio.io", "security.istio.io", "cert-manager.io");

    /**
     * The API's int-or-string fields: the published schema types them "string" with format int-or-string,
     * which the validator does not understand, so it rejects the integers the API server accepts.
     */
    private static final Set<String> INT_OR_STRING = Set.of("maxSurge", "maxUnavailable", "minAvailable", "targetPort", "port");
    private static final String INT_FOR_STRING = "Instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])";

    private final Validator validator = Validator.newInstance();
    private List<RenderedOverlay> overlays;

    @BeforeAll
    void render() {
        overlays = Kustomize.OVERLAYS.stream().map(RenderedOverlay::render).toList();
    }

    Stream<RenderedOverlay> overlays() {
        return overlays.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectIsOfAKnownKind(RenderedOverlay overlay) {
        assertThat(overlay.objects()).isNotEmpty();
        assertThat(overlay.objects()).filteredOn(GenericKubernetesResource.class::isInstance)
                .extracting(o -> o.getApiVersion() + " " + o.getKind()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noObjectHasAFieldItsSchemaDoesNotDefine(RenderedOverlay overlay) {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata object : overlay.objects()) {
            UnknownFields.in(object).forEach(u -> unknown.add(describe(object) + " " + u));
        }
        assertThat(unknown).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void coreObjectsPassTheKubernetesOpenApiSchema(RenderedOverlay overlay) {
        List<String> errors = new ArrayList<>();
        for (JsonNode document : overlay.documents()) {
            String group = document.path("apiVersion").asText().contains("/")
                    ? document.path("apiVersion").asText().split("/")[0] : "";
            if (CRD_GROUPS.contains(group)) {
                CrdEnums.violations(document).forEach(v -> errors.add(document.path("kind").asText() + "/"
                        + document.path("metadata").path("name").asText() + ": " + v));
                continue;
            }
            errors.addAll(schemaErrors(document));
        }
        assertThat(errors).isEmpty();
    }

    List<String> schemaErrors(JsonNode document) {
        ValidationReport report = validator.validate(document);
        return report.getMessages().stream().filter(m -> !isIntOrString(m.getMessage()))
                .map(m -> document.path("kind").asText() + "/" + document.path("metadata").path("name").asText() + ": "
                        + m.getLevel() + " " + m.getMessage())
                .toList();
    }

    private static boolean isIntOrString(String message) {
        if (!message.endsWith(INT_FOR_STRING)) {
            return false;
        }
        String path = message.substring(message.indexOf("'") + 1, message.indexOf("'", message.indexOf("'") + 1));
        return INT_OR_STRING.contains(path.substring(path.lastIndexOf('/') + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyNamespacedObjectHasANamespace(RenderedOverlay overlay) {
        assertThat(overlay.objects()).filteredOn(o -> !o.getKind().equals("Namespace"))
                .filteredOn(o -> o.getMetadata().getNamespace() == null).extracting(ManifestSchemaTest::describe)
                .isEmpty();
    }

    static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    static Map<String, String> labels(HasMetadata object) {
        return object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
    }
}
