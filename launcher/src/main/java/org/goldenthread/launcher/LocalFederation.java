package org.goldenthread.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.consent.ConsentServiceApplication;
import org.goldenthread.gateway.GatewayApplication;
import org.goldenthread.identity.IdentityServiceApplication;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
import org.goldenthread.launcher.pki.FederationPki;
import org.goldenthread.node.CaseServiceApplication;
import org.goldenthread.outcomes.OutcomesServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole federation in one JVM: identity, consent, (outcomes,) one case-service node per
 * agency and the gateway, each its own Spring application context with its own embedded store,
 * talking to each other over real HTTP and gRPC on loopback, gateway to nodes over mutual TLS
 * with the local federation CA. Each service boots through its
 * own {@code application()} builder, i.e. exactly the production wiring.
 */
public final class LocalFederation implements AutoCloseable {

    private static final String LOOPBACK = "http://127.0.0.1:";
    /**
     * The {@code iss} of every token: a stable name, not identity-service's address. Its port is
     * chosen at each start, and an issuer holding it would refuse, after a restart, every token
     * issued before (the signing keys themselves survive in the data directory).
     */
    public static final String ISSUER = "https://identity.golden-thread.local";

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> nodeRestPorts = new LinkedHashMap<>();
    private final int identityPort = FreePort.pick();
    private final int consentPort = FreePort.pick();
    private final int outcomesPort = FreePort.pick();
    private final int gatewayPort;
    private final FederationPlan plan;
    private ConfigurableApplicationContext identity;
    private ConfigurableApplicationContext consent;
    private ConfigurableApplicationContext gateway;
    private FederationPki pki;

    private LocalFederation(FederationPlan plan) {
        this.plan = plan;
        this.gatewayPort = plan.gatewayPort() == 0 ? FreePort.pick() : plan.gatewayPort();
    }

    /** Starts every service of the plan; on any failure, stops what had started and rethrows. */
    public static LocalFederation start(FederationPlan plan, ProgressListener progress) {
        LocalFederation federation = new LocalFederation(plan);
        try {
            federation.boot(progress);
            return federation;
        } catch (RuntimeException e) {
            federation.close();
            throw e;
        }
    }

    private void boot(ProgressListener progress) {
        String linkageKey = LinkageKeyFile.loadOrCreate(plan.dataDir());
        pki = FederationPki.loadOrCreate(plan.dataDir());
        List<String> common = new ArrayList<>(List.of(
                "--goldenthread.store.data-dir=" + plan.dataDir().toAbsolutePath(),
                "--goldenthread.identity.url=" + identityUrl(),
                "--goldenthread.identity.issuer=" + ISSUER,
                "--goldenthread.identity.browser-url=" + identityUrl(),
                "--goldenthread.consent.url=" + consentUrl(),
                "--goldenthread.outcomes.url=" + LOOPBACK + outcomesPort,
                "--goldenthread.linkage.key-id=" + LinkageKeyFile.KEY_ID,
                "--goldenthread.linkage.key=" + linkageKey,
                "--spring.main.banner-mode=off"));
        common.addAll(plan.extraArguments());
        List<String> servlet = new ArrayList<>(common);
        // The gateway's routes belong to the gateway context only.
        servlet.add("--spring.cloud.gateway.server.webflux.enabled=false");

        // The gateway signs browsers in as identity's confidential client gateway-bff; a fresh
        // secret each start (browser sessions live in the gateway's memory and end with it anyway).
        String bffSecret = BrowserClientSecret.generate();
        List<String> identityArguments = new ArrayList<>(servlet);
        identityArguments.add("--goldenthread.identity.clients.gateway-bff.secret=" + bffSecret);
        identityArguments.add("--goldenthread.identity.clients.gateway-bff.redirect-uri=" + gatewayUrl()
                + "/login/oauth2/code/golden-thread");
        identityArguments.add("--goldenthread.identity.clients.gateway-bff.post-logout-redirect-uri=" + gatewayUrl() + "/");
        identity = run("identity-service", IdentityServiceApplication.application(), identityArguments, identityPort, progress);
        Map<String, Integer> grpcPorts = new LinkedHashMap<>();
        plan.agencies().forEach(a -> {
            grpcPorts.put(a.id(), FreePort.pick());
            nodeRestPorts.put(a.id(), FreePort.pick());
        });
        AgencyRegistry registry = identity.getBean(AgencyRegistry.class);
        for (AgencySpec agency : plan.agencies()) {
            // The registry pins each node's certificate: the gateway accepts no other for that agency.
            registry.register(new Agency(agency.id(), agency.name(), "127.0.0.1:" + grpcPorts.get(agency.id()),
                    LOOPBACK + nodeRestPorts.get(agency.id()), pki.node(agency.id()).fingerprint(), agency.categories(),
                    AgencyStatus.ACTIVE, List.of(), agency.involvementReveals()));
        }
        consent = run("consent-service", ConsentServiceApplication.application(), servlet, consentPort, progress);
        for (AgencySpec agency : plan.agencies()) {
            List<String> nodeArguments = new ArrayList<>(servlet);
            nodeArguments.add("--goldenthread.node.agency-id=" + agency.id());
            nodeArguments.add("--goldenthread.node.grpc.port=" + grpcPorts.get(agency.id()));
            FederationPki.Issued certificate = pki.node(agency.id());
            nodeArguments.add("--goldenthread.node.grpc.tls.certificate=" + certificate.certificate());
            nodeArguments.add("--goldenthread.node.grpc.tls.private-key=" + certificate.privateKey());
            nodeArguments.add("--goldenthread.node.grpc.tls.trust=" + pki.caCertificate());
            nodes.put(agency.id(), run("case-service " + agency.id(), CaseServiceApplication.application(),
                    nodeArguments, nodeRestPorts.get(agency.id()), progress));
        }
        if (plan.withOutcomes()) {
            run("outcomes-service", OutcomesServiceApplication.application(), servlet, outcomesPort, progress);
        }
        List<String> gatewayArguments = new ArrayList<>(common);
        FederationPki.Issued client = pki.gateway();
        gatewayArguments.add("--goldenthread.gateway.tls.certificate=" + client.certificate());
        gatewayArguments.add("--goldenthread.gateway.tls.private-key=" + client.privateKey());
        gatewayArguments.add("--goldenthread.gateway.tls.trust=" + pki.caCertificate());
        gatewayArguments.add("--goldenthread.gateway.bff.client-secret=" + bffSecret);
        gateway = run("gateway", GatewayApplication.application(), gatewayArguments, gatewayPort, progress);
    }

    private ConfigurableApplicationContext run(String name, SpringApplicationBuilder builder, List<String> arguments,
            int port, ProgressListener progress) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.port=" + port);
        long started = System.nanoTime();
        // One shutdown hook for the whole federation (see Launcher) closes contexts in order.
        ConfigurableApplicationContext context = builder.registerShutdownHook(false).run(all.toArray(String[]::new));
        this.started.add(context);
        progress.started(name, LOOPBACK + port, (System.nanoTime() - started) / 1_000_000);
        return context;
    }

    public String gatewayUrl() {
        return LOOPBACK + gatewayPort;
    }

    public String identityUrl() {
        return LOOPBACK + identityPort;
    }

    public String consentUrl() {
        return LOOPBACK + consentPort;
    }

    public ConfigurableApplicationContext node(String agency) {
        return nodes.get(agency);
    }

    /** The local federation CA and its certificates (mutual TLS between gateway and nodes). */
    public FederationPki pki() {
        return pki;
    }

    public ConfigurableApplicationContext consent() {
        return consent;
    }

    public ConfigurableApplicationContext identity() {
        return identity;
    }

    public ConfigurableApplicationContext gateway() {
        return gateway;
    }

    /** Every service's health URL, for the readiness wait. */
    public List<String> healthUrls() {
        List<String> urls = new ArrayList<>(List.of(identityUrl(), consentUrl()));
        nodeRestPorts.values().forEach(p -> urls.add(LOOPBACK + p));
        if (plan.withOutcomes()) {
            urls.add(LOOPBACK + outcomesPort);
        }
        urls.add(gatewayUrl());
        return urls.stream().map(u -> u + "/actuator/health").toList();
    }

    /** Stops the gateway first (no new requests), then nodes, then the hub services. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("error while stopping a service: " + e.getClass().getSimpleName());
            }
        }
        started.clear();
    }

    /** Told as each service comes up. */
    @FunctionalInterface
    public interface ProgressListener {
        void started(String service, String url, long millis);
    }
}
