package org.goldenthread.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.junit.jupiter.api.Test;

/** The checks ManifestSchemaTest relies on do fail on broken manifests (a check that cannot fail proves nothing). */
class SchemaCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void flagsAMisspeltFieldInACoreObject() throws Exception {
        JsonNode deployment = JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},
                 "spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},
                  "spec":{"containers":[{"name":"x","image":"x","securityContxt":{"runAsNonRoot":true}}]}}}}""");
        Object typed = JSON.treeToValue(deployment, KubernetesResource.class);
        assertThat(UnknownFields.in(typed)).singleElement().asString().contains("securityContxt");
    }

    @Test
    void flagsAMisspeltFieldInAnIstioObject() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"apiVersion":"security.istio.io/v1","kind":"AuthorizationPolicy","metadata":{"name":"x"},
                 "spec":{"rules":[{"from":[{"source":{"principal":["cluster.local/ns/a/sa/b"]}}]}]}}""");
        Object typed = JSON.treeToValue(policy, KubernetesResource.class);
        assertThat(UnknownFields.in(typed)).singleElement().asString().contains("principal");
    }

    @Test
    void refusesAnInvalidIstioEnumValue() throws Exception {
        JsonNode peer = JSON.readTree("""
                {"apiVersion":"security.istio.io/v1","kind":"PeerAuthentication","metadata":{"name":"x"},
                 "spec":{"mtls":{"mode":"STRICTLY"}}}""");
        assertThat(CrdEnums.violations(peer)).singleElement().asString().contains("STRICTLY");
    }

    @Test
    void theOpenApiSchemaRefusesAWrongType() throws Exception {
        JsonNode deployment = JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},
                 "spec":{"replicas":"two","selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},
                  "spec":{"containers":[{"name":"x","image":"x"}]}}}}""");
        assertThat(new ManifestSchemaTest().schemaErrors(deployment)).anyMatch(e -> e.contains("/spec/replicas"));
    }
}
