package org.goldenthread.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local federation's linkage key: made once, kept in the data directory (owner-only), so
 * tokens computed before a restart still match. A real federation distributes its key from a
 * secret store instead; this file is the launcher's stand-in for that, never used in production.
 */
final class LinkageKeyFile {

    static final String KEY_ID = "local-1";

    private LinkageKeyFile() {
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve("federation").resolve("linkage-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String encoded = Base64.getEncoder().encodeToString(secret);
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies.
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the linkage key in " + file.getParent(), e);
        }
    }
}
