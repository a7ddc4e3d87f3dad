package org.goldenthread.identity.user;

import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Password hashes that describe themselves: {@code {argon2id}$argon2id$v=19$m=19456,t=2,p=1$salt$hash}.
 * The prefix names the algorithm and the PHC string its parameters, so a stored hash made under
 * older settings is still verified and then replaced on the next successful sign-in
 * ({@link #needsUpgrade}), the way the PBKDF2 hashes of earlier releases are now.
 *
 * <p>Argon2id with the OWASP Password Storage Cheat Sheet's first configuration (m = 19 MiB,
 * t = 2, p = 1; 16-byte salt, 32-byte hash), computed by Bouncy Castle, which the shared
 * {@code federation} module already brings. Not bcrypt: it reads only 72 bytes and the policy
 * admits 128 characters. {@code pbkdf2@SpringSecurity_v5_8} (PBKDF2-HMAC-SHA256, 310,000
 * iterations) is kept for verification only.
 */
final class PasswordHashing {

    static final String CURRENT = "argon2id";
    static final String LEGACY_PBKDF2 = "pbkdf2@SpringSecurity_v5_8";
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;

    private final DelegatingPasswordEncoder encoder;
    /**
     * Argon2id is memory-hard on purpose: each hash in flight holds 19 MiB. Without a bound, a burst
     * of sign-ins from many sources (each under its own limits) multiplies that by the server's
     * threads; with one, the excess queues for a few hash-times instead of exhausting the heap.
     */
    private final Semaphore inFlight;
    /** Checked against when the user is unknown, so that answer costs what a wrong password costs. */
    private final String decoy;

    PasswordHashing(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("goldenthread.identity.password-hashing.max-concurrent must be at least 1");
        }
        this.inFlight = new Semaphore(maxConcurrent, true);
        PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);
        this.encoder = new DelegatingPasswordEncoder(CURRENT, Map.of(
                CURRENT, argon2,
                LEGACY_PBKDF2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
        this.decoy = encoder.encode("decoy password for unknown users");
    }

    String hash(String password) {
        acquire();
        try {
            return encoder.encode(password);
        } finally {
            inFlight.release();
        }
    }

    boolean matches(String password, String hash) {
        if (hash == null) {
            return burn(password);
        }
        acquire();
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException unknownAlgorithm) {
            // A hash under an id no encoder is mapped to: fail closed (never a 500), still at full cost.
            encoder.matches(password, decoy);
            return false;
        } finally {
            inFlight.release();
        }
    }

    /**
     * Whether a hash that just matched should be replaced: another algorithm than the current one,
     * or Argon2id with other parameters (Spring's encoder compares them).
     */
    boolean needsUpgrade(String hash) {
        return hash == null || encoder.upgradeEncoding(hash);
    }

    /** Spends the same effort as {@link #matches} on a current hash, and always fails. */
    boolean burn(String password) {
        acquire();
        try {
            encoder.matches(password, decoy);
            return false;
        } finally {
            inFlight.release();
        }
    }

    private void acquire() {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
    }
}
