package org.goldenthread.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own settings. Resilience settings of each downstream (breakers, bulkheads)
 * live under {@code resilience4j.*} as named instances. (The registry refresh interval,
 * {@code goldenthread.gateway.registry-refresh}, is read by the scheduler in {@code AgencyDirectory}.)
 *
 * @param nodeDeadline deadline of one federation call to one node
 * @param tls the gateway's client certificate for mutual TLS to nodes; without it, plaintext
 */
@ConfigurationProperties("goldenthread.gateway")
public record GatewayProperties(Duration nodeDeadline, Tls tls) {

    /**
     * PEM files: the gateway's certificate and PKCS#8 key, and the federation CA that signed the
     * nodes' certificates.
     */
    public record Tls(java.nio.file.Path certificate, java.nio.file.Path privateKey, java.nio.file.Path trust) {

        public boolean configured() {
            return certificate != null && privateKey != null && trust != null;
        }
    }

    public GatewayProperties {
        nodeDeadline = nodeDeadline == null ? Duration.ofMillis(800) : nodeDeadline;
    }
}
