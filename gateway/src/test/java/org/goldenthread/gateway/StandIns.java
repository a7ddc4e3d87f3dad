package org.goldenthread.gateway;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's production wiring booted against loopback stand-ins, as the federation tests share it. */
final class StandIns {

    private StandIns() {
    }

    /** The gateway on a free port, its identity, consent and outcomes calls sent to the stand-ins. */
    static ConfigurableApplicationContext gateway(FakeIdentity identity, FakeConsent consent) {
        return TestGateway.run(identity, consent, "--resilience4j.ratelimiter.configs.federation-user.limit-for-period=1000");
    }

    static WebTestClient client(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    /** A registry entry for an active agency whose node is the stand-in given. */
    static String agency(String id, String name, FakeNode node) {
        return """
                {"id":"%s","name":"%s","grpcTarget":"%s","restUrl":null,"certificateFingerprint":null,
                 "categories":[],"status":"ACTIVE"}""".formatted(id, name, node.target());
    }

    /** Closes each, whatever the others do. */
    static void closeAll(AutoCloseable... closing) {
        for (AutoCloseable each : closing) {
            try {
                each.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
