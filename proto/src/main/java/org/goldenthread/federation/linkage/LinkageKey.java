package org.goldenthread.federation.linkage;

import java.util.Arrays;
import java.util.Base64;

/**
 * The federation's linkage key: a secret every member holds, with an id that travels with each
 * token so the key can rotate (ARCHITECTURE.md §2).
 */
public record LinkageKey(String keyId, byte[] secret) {

    public LinkageKey {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a linkage key needs an id");
        }
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("a linkage key needs at least 256 bits of secret");
        }
        secret = secret.clone();
    }

    /** From configuration: the secret base64-encoded. */
    public static LinkageKey fromBase64(String keyId, String base64Secret) {
        return new LinkageKey(keyId, Base64.getDecoder().decode(base64Secret.trim()));
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkageKey that && keyId.equals(that.keyId) && Arrays.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "LinkageKey[" + keyId + "]";
    }
}
