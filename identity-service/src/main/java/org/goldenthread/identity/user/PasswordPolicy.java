package org.goldenthread.identity.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules for a new password, after NCSC password guidance: length and a deny list of the
 * passwords attackers try first, and deliberately no composition rules (they push people towards
 * predictable patterns such as "Password1!" without making guessing harder).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String BLOCKLIST = "common-passwords.txt";

    private final Set<String> blocked;

    public PasswordPolicy() {
        this.blocked = load();
    }

    /** @throws PasswordPolicyException naming the rule the password breaks */
    public void check(String password) {
        if (password == null) {
            throw new PasswordPolicyException("a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new PasswordPolicyException("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new PasswordPolicyException("a password may have at most " + MAX_LENGTH + " characters");
        }
        if (blocked.contains(password.strip().toLowerCase(Locale.ROOT))) {
            throw new PasswordPolicyException("that password is among the most commonly used ones");
        }
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getResourceAsStream(BLOCKLIST);
        if (in == null) {
            throw new IllegalStateException("password blocklist " + BLOCKLIST + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
