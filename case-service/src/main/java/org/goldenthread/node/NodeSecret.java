package org.goldenthread.node;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node's own secret ({@code goldenthread.node.confirmation.key}, or random per start), from
 * which each use derives its own key (HMAC-SHA256 of the use's name), so a value made for one use
 * never verifies as another: confirmation references and page tokens. Known to this node alone;
 * the federation's linkage key is a different, shared secret.
 */
public final class NodeSecret {

    private final byte[] master;
    private final boolean configured;

    private NodeSecret(byte[] master, boolean configured) {
        this.master = master.clone();
        this.configured = configured;
    }

    public static NodeSecret of(NodeProperties.Confirmation settings) {
        byte[] key = settings.keyBytes();
        if (key != null) {
            return new NodeSecret(key, true);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new NodeSecret(random, false);
    }

    /** True when configured; false for a random secret, which a restart replaces. */
    public boolean configured() {
        return configured;
    }

    /** The key for one use, e.g. "confirmation-ref/v1". */
    public byte[] derive(String use) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("goldenthread-node/" + use).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "NodeSecret[redacted]";
    }
}
