package org.goldenthread.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;

/** Whether the NetworkPolicies of a rendered overlay let one pod open a connection to another's port. */
final class NetworkReach {

    /** A caller: its namespace's labels and its own. */
    record Caller(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels, String what) {
        static Caller of(Workload w) {
            return new Caller(w.namespace(), w.namespaceLabels(), w.labels(), w.toString());
        }
    }

    private final List<NetworkPolicy> policies;

    NetworkReach(RenderedOverlay overlay) {
        this.policies = overlay.all(NetworkPolicy.class).toList();
    }

    boolean admits(Workload target, int port, Caller caller) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getMetadata().getNamespace().equals(target.namespace()))
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), target.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> coversPort(rule, port) && admitsCaller(rule, target, caller));
    }

    private static boolean coversPort(NetworkPolicyIngressRule rule, int port) {
        return rule.getPorts() == null || rule.getPorts().isEmpty() || rule.getPorts().stream()
                .anyMatch(p -> p.getPort() == null || Integer.valueOf(port).equals(p.getPort().getIntVal()));
    }

    private static boolean admitsCaller(NetworkPolicyIngressRule rule, Workload target, Caller caller) {
        if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
            return true;
        }
        return rule.getFrom().stream().anyMatch(peer -> admits(peer, target, caller));
    }

    private static boolean admits(NetworkPolicyPeer peer, Workload target, Caller caller) {
        if (peer.getIpBlock() != null) {
            return true;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? caller.namespace().equals(target.namespace())
                : Selectors.matches(peer.getNamespaceSelector(), caller.namespaceLabels());
        return namespaceOk && (peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), caller.labels()));
    }
}
