package org.goldenthread.identity.user;

import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Password hashes with an algorithm prefix ({@code {pbkdf2@SpringSecurity_v5_8}…}) so the
 * algorithm can change later without invalidating stored hashes.
 *
 * <p>PBKDF2-HMAC-SHA256 rather than bcrypt: bcrypt reads only the first 72 bytes of a password
 * (Spring refuses longer ones outright), and the policy admits up to 128 characters. Argon2 and
 * scrypt would need Bouncy Castle, which the build does not manage.
 */
final class PasswordHashing {

    private static final String CURRENT = "pbkdf2@SpringSecurity_v5_8";

    private final PasswordEncoder encoder;
    /** Checked against when the user is unknown, so that answer takes as long as a wrong password. */
    private final String decoy;

    PasswordHashing() {
        this.encoder = new DelegatingPasswordEncoder(CURRENT, Map.of(
                CURRENT, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        this.decoy = encoder.encode("decoy password for unknown users");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the same effort as {@link #matches} and always fails. */
    boolean burn(String password) {
        encoder.matches(password, decoy);
        return false;
    }
}
