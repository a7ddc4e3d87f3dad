package org.goldenthread.federation.linkage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The federation's linkage key as configured on every member (gateway, consent-service, nodes).
 *
 * @param keyId id of the current key, carried in every token
 * @param key the secret, base64, at least 32 bytes; supply it from a secret store, never a file
 *     in the repository
 */
@ConfigurationProperties("goldenthread.linkage")
public record LinkageProperties(String keyId, String key) {

    @Override
    public String toString() {
        return "LinkageProperties[" + keyId + "]";
    }
}
