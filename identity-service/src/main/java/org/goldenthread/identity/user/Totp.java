package org.goldenthread.identity.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): 30-second steps from the Unix
 * epoch, six digits, HMAC-SHA1 by default because that is what every authenticator app supports.
 * Hand-written (some 40 lines) rather than a library: the algorithm is small, fixed, and tested
 * here against the RFC's own vectors.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps either side of now that are accepted: allows for clock drift and typing time. */
    static final int WINDOW = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The time step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** RFC 4226 §5.3: HMAC of the 8-byte counter, dynamic truncation, last {@code digits} digits. */
    public static String code(byte[] key, long counter, int digits, String hmac) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % POWERS[digits]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is not available", e);
        }
    }

    public static String code(byte[] key, long counter) {
        return code(key, counter, DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code {@code candidate} is, within {@link #WINDOW} steps of {@code now} and
     * after {@code lastUsedStep} (a code is good once), or -1. Compared in constant time.
     */
    public static long matchingStep(byte[] key, String candidate, Instant now, long lastUsedStep) {
        if (candidate == null || candidate.length() != DIGITS) {
            return -1;
        }
        long current = step(now);
        long found = -1;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean equal = MessageDigest.isEqual(code(key, s).getBytes(), candidate.getBytes());
            if (equal && s > lastUsedStep && found < 0) {
                found = s;
            }
        }
        return found;
    }
}
