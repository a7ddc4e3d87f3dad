package org.goldenthread.federation.linkage;

import java.util.Arrays;

/** Linkage keys for tests: fixed, obviously fake secrets. */
public final class TestKeys {

    private TestKeys() {
    }

    public static LinkageKey key(String keyId, int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new LinkageKey(keyId, secret);
    }

    public static LinkageTokens tokens() {
        return new LinkageTokens(key("test-2026", 7));
    }
}
