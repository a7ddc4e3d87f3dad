package org.goldenthread.federation.linkage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * Linkage tokens with their values replaced by a SHA-256 of kind, key id and value: the form in
 * which a token is kept where the token itself need not be (a node's audit entries, a grant's
 * basis identity). Kind and key id stay readable, and the transform is one-to-one, so
 * {@link OnePerson#compare} gives the same answer on hashed tokens as on the tokens themselves.
 * Text form {@code KIND:keyId:hash}, with the kind's short name ("NHS").
 */
public final class TokenHashes {

    private static final String KIND_PREFIX = "LINKAGE_TOKEN_KIND_";

    private TokenHashes() {
    }

    public static LinkageToken hash(LinkageToken token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((token.getKind().getNumber() + "\u0000" + token.getKeyId() + "\u0000" + token.getValue())
                    .getBytes(StandardCharsets.UTF_8));
            return token.toBuilder()
                    .setValue(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()))
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public static List<LinkageToken> hashAll(Collection<LinkageToken> tokens) {
        return tokens.stream().map(TokenHashes::hash).distinct().toList();
    }

    /** {@code KIND:keyId:hash} of an already hashed token. */
    public static String text(LinkageToken hashed) {
        return hashed.getKind().name().substring(KIND_PREFIX.length()) + ":" + hashed.getKeyId() + ":" + hashed.getValue();
    }

    /** The hashed token in {@code text}; throws IllegalArgumentException when it is not that form. */
    public static LinkageToken parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || parts[1].isEmpty() || !parts[2].matches("[A-Za-z0-9_-]{43}")) {
            throw new IllegalArgumentException("not a hashed linkage token");
        }
        LinkageTokenKind kind;
        try {
            kind = LinkageTokenKind.valueOf(KIND_PREFIX + parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hashed linkage token", e);
        }
        if (kind == LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED) {
            throw new IllegalArgumentException("not a hashed linkage token");
        }
        return LinkageToken.newBuilder().setKind(kind).setKeyId(parts[1]).setValue(parts[2]).build();
    }
}
