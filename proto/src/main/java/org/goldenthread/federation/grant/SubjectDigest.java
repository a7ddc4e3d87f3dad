package org.goldenthread.federation.grant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * The digest that binds a grant to one subject: SHA-256 over the subject's de-duplicated linkage
 * tokens in a canonical order, each encoded unambiguously (the kind's number, then key id and value
 * each as a 4-byte big-endian length and its UTF-8 bytes), behind a version tag. No two different
 * token sets share an encoding, so no crafted set can collide with another (an earlier
 * {@code kind:keyId:value\n} form could: a key id or value holding ':' or a newline). base64url.
 * A node recomputes it from the tokens in the request, so a grant for one person cannot be
 * replayed for another. Also safe to log where a subject must be referred to.
 *
 * <p>Migration: digests are compared, never looked up, except break-glass sessions (matched by
 * digest for at most 60 minutes, so an upgrade ends open sessions early) and stored consent
 * records' {@code subjectDigest} (informational; decisions match records by tokens).
 */
public final class SubjectDigest {

    private static final byte[] VERSION = "gt-subject-v2".getBytes(StandardCharsets.US_ASCII);

    private SubjectDigest() {
    }

    public static String of(Collection<LinkageToken> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a subject needs at least one linkage token");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(VERSION);
            tokens.stream()
                    .distinct()
                    .sorted(Comparator.comparingInt((LinkageToken t) -> t.getKind().getNumber())
                            .thenComparing(LinkageToken::getKeyId)
                            .thenComparing(LinkageToken::getValue))
                    .forEach(t -> {
                        sha256.update(int32(t.getKind().getNumber()));
                        field(sha256, t.getKeyId());
                        field(sha256, t.getValue());
                    });
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static void field(MessageDigest sha256, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha256.update(int32(bytes.length));
        sha256.update(bytes);
    }

    private static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
