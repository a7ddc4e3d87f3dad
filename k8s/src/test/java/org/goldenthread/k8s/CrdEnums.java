package org.goldenthread.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enumerations of the Istio and cert-manager CRD schemas for the fields these manifests use. fabric8's
 * models type them as plain strings, so a misspelt mode would deserialise; the CRDs' OpenAPI schemas (Istio
 * 1.2x security/networking v1, cert-manager v1) list these values, copied here.
 */
final class CrdEnums {

    private static final Set<String> MTLS = Set.of("UNSET", "DISABLE", "PERMISSIVE", "STRICT");
    private static final Map<String, Map<String, Set<String>>> ENUMS = Map.of(
            "PeerAuthentication", Map.of("spec.mtls.mode", MTLS, "spec.portLevelMtls.*.mode", MTLS),
            "AuthorizationPolicy", Map.of("spec.action", Set.of("ALLOW", "DENY", "AUDIT", "CUSTOM")),
            "DestinationRule", Map.of("spec.trafficPolicy.tls.mode", Set.of("DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL")),
            "Certificate", Map.of(
                    "spec.privateKey.algorithm", Set.of("RSA", "ECDSA", "Ed25519"),
                    "spec.privateKey.rotationPolicy", Set.of("Never", "Always"),
                    "spec.usages.*", Set.of("signing", "digital signature", "content commitment", "key encipherment",
                            "key agreement", "data encipherment", "cert sign", "crl sign", "encipher only",
                            "decipher only", "any", "server auth", "client auth", "code signing", "email protection",
                            "s/mime", "ipsec end system", "ipsec tunnel", "ipsec user", "timestamping", "ocsp signing",
                            "microsoft sgc", "netscape sgc"),
                    "spec.issuerRef.kind", Set.of("Issuer", "ClusterIssuer")));

    private CrdEnums() {
    }

    static List<String> violations(JsonNode document) {
        List<String> found = new ArrayList<>();
        ENUMS.getOrDefault(document.path("kind").asText(), Map.of()).forEach((path, allowed) ->
                collect(document, path.split("\\."), 0, allowed, path, found));
        return found;
    }

    private static void collect(JsonNode node, String[] path, int i, Set<String> allowed, String name, List<String> found) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (i == path.length) {
            if (!allowed.contains(node.asText())) {
                found.add(name + " = '" + node.asText() + "' is not one of " + allowed);
            }
            return;
        }
        if (path[i].equals("*")) {
            node.forEach(child -> collect(child, path, i + 1, allowed, name, found));
        } else {
            collect(node.get(path[i]), path, i + 1, allowed, name, found);
        }
    }
}
