package org.goldenthread.consent.consent;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * Which linkage tokens may tie a consent to a subject, and their stored form. Only the exact and
 * strong kinds count: a POSSIBLE (fuzzy) match may be another person, and consent must never be
 * borrowed from a look-alike.
 */
public final class SubjectTokens {

    public static final Set<LinkageTokenKind> MATCHABLE = EnumSet.of(
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS,
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO,
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);

    private static final String KIND_PREFIX = "LINKAGE_TOKEN_KIND_";

    private SubjectTokens() {
    }

    /** The matchable tokens only. */
    public static List<LinkageToken> matchable(Collection<LinkageToken> tokens) {
        return tokens.stream().filter(t -> MATCHABLE.contains(t.getKind())).distinct().toList();
    }

    /** "NHS|keyId|value": one string per token, so a multikey index and {@code $in} can match them. */
    public static List<String> keys(Collection<LinkageToken> tokens) {
        return matchable(tokens).stream().map(SubjectTokens::key).distinct().toList();
    }

    /** The short name of a kind ("NHS"). */
    public static String kindName(LinkageTokenKind kind) {
        return kind.name().substring(KIND_PREFIX.length());
    }

    /** The kind with this short name, or null when there is none. */
    public static LinkageTokenKind kind(String name) {
        for (LinkageTokenKind kind : LinkageTokenKind.values()) {
            if (kind != LinkageTokenKind.UNRECOGNIZED && kind != LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED
                    && kind.name().equals(KIND_PREFIX + name)) {
                return kind;
            }
        }
        return null;
    }

    private static String key(LinkageToken token) {
        return kindName(token.getKind()) + "|" + token.getKeyId() + "|" + token.getValue();
    }

    /**
     * The token a stored key stands for; null for a key of no known kind. The value (base64url) never holds
     * '|', so it is what follows the last one; the key id is what lies between.
     */
    public static LinkageToken token(String key) {
        int first = key.indexOf('|');
        int last = key.lastIndexOf('|');
        LinkageTokenKind kind = first < 0 || first == last ? null : kind(key.substring(0, first));
        if (kind == null) {
            return null;
        }
        return LinkageToken.newBuilder().setKind(kind).setKeyId(key.substring(first + 1, last))
                .setValue(key.substring(last + 1)).build();
    }
}
