package org.goldenthread.node.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * How the audit log refers to a request's linkage tokens: {@code KIND:keyId:hash}, the kind's short
 * name and the key id in clear (neither is personal data) and the hash base64url of SHA-256 over
 * the kind's number, key id and value (each length-prefixed). The log never holds a token itself
 * (pseudonymous personal data that works at every node), only this one-way form; anyone able to
 * compute a person's token could already compute the subject digest stored before. Kinds and key
 * ids stay readable so that {@code OnePerson.compare} can relate an entry to a person on the hashed
 * forms of both sides ({@link #asTokens}): a one-to-one transform keeps agreement and disagreement.
 */
public final class TokenHashes {

    private static final String KIND_PREFIX = "LINKAGE_TOKEN_KIND_";

    private TokenHashes() {
    }

    /** One hash per distinct token, in the request's order. */
    public static List<String> of(Collection<LinkageToken> tokens) {
        return tokens.stream().distinct().map(TokenHashes::of).toList();
    }

    static String of(LinkageToken token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(token.getKind().getNumber()).array());
            for (String field : List.of(token.getKeyId(), token.getValue())) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha256.update(bytes);
            }
            String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
            return shortName(token.getKind()) + ":" + token.getKeyId() + ":" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Hashes read back as tokens (kind, key id, the hash as value), for comparing hashed sides; unreadable ones skipped. */
    static List<LinkageToken> asTokens(Collection<String> hashes) {
        return hashes.stream().map(TokenHashes::asToken).flatMap(Optional::stream).toList();
    }

    /** The kind of a hash, or UNSPECIFIED when unreadable. */
    static LinkageTokenKind kindOf(String hash) {
        return asToken(hash).map(LinkageToken::getKind).orElse(LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED);
    }

    private static Optional<LinkageToken> asToken(String hash) {
        int first = hash.indexOf(':');
        int last = hash.lastIndexOf(':');
        if (first < 1 || last <= first) {
            return Optional.empty();
        }
        try {
            LinkageTokenKind kind = LinkageTokenKind.valueOf(KIND_PREFIX + hash.substring(0, first));
            return Optional.of(LinkageToken.newBuilder().setKind(kind).setKeyId(hash.substring(first + 1, last))
                    .setValue(hash.substring(last + 1)).build());
        } catch (IllegalArgumentException unknownKind) {
            return Optional.empty();
        }
    }

    private static String shortName(LinkageTokenKind kind) {
        return kind.name().startsWith(KIND_PREFIX) ? kind.name().substring(KIND_PREFIX.length()) : kind.name();
    }
}
