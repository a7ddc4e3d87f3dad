package org.goldenthread.launcher;

import java.security.SecureRandom;
import java.util.Base64;

/** The secret the gateway and identity-service share for browser sign-in (client gateway-bff). */
final class BrowserClientSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserClientSecret() {
    }

    /** 48 random bytes, base64url: 64 characters, inside identity-service's 32–72 byte bound. */
    static String generate() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
