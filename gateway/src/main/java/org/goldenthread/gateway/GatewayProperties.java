package org.goldenthread.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own settings. Resilience settings of each downstream (breakers, bulkheads)
 * live under {@code resilience4j.*} as named instances; these are the deadlines and limits.
 *
 * @param nodeDeadline deadline of one federation call to one node
 * @param registryRefresh how often the agency registry is re-read (last good copy kept)
 * @param maxAgencies most agencies one federation request may name
 * @param tls the gateway's client certificate for mutual TLS to nodes; without it, plaintext
 */
@ConfigurationProperties("goldenthread.gateway")
public record GatewayProperties(Duration nodeDeadline, Duration registryRefresh, int maxAgencies, Tls tls) {

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
        registryRefresh = registryRefresh == null ? Duration.ofSeconds(30) : registryRefresh;
        maxAgencies = maxAgencies <= 0 ? 50 : maxAgencies;
    }
}
