package org.goldenthread.node.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.federation.linkage.TokenHashes;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * How audit entries are filed in {@code audit_subjects} and found again for a subject access request
 * (GetAccessLog), so that every entry about a person is found through any of their tokens, not only
 * the entries made with exactly the same set:
 *
 * <ul>
 *   <li>an entry is filed under {@code p:<person id>} for each local person it selected and under
 *       {@code t:<token hash>} for each identifying token of its request;</li>
 *   <li>it is about the subject when it names the selected person, or when its token hashes
 *       ({@link TokenHashes}) relate EXACT or STRONG ({@link OnePerson#compare} on the hashed forms of
 *       both sides: the transform is one-to-one) to the subject's tokens: the person's stored ones
 *       and the request's own;</li>
 *   <li>entries written before tokens were recorded hold only a subject digest in the encoding of
 *       the time (filed under the digest itself, without prefix): they are found by that digest of
 *       the request's tokens, or of any set of the person's tokens with an identifying one.</li>
 * </ul>
 */
final class AuditSubjects {

    /** Enough for a person's tokens with two previous names; more and legacy subsets are not tried. */
    private static final int MAX_TOKENS_FOR_SUBSETS = 10;

    private AuditSubjects() {
    }

    static List<String> filingKeys(AuditEntry e) {
        List<String> keys = new ArrayList<>();
        e.personIds().forEach(id -> keys.add("p:" + id));
        for (String hash : e.tokenHashes()) {
            readable(hash).filter(t -> OnePerson.IDENTIFYING.contains(t.getKind())).ifPresent(t -> keys.add("t:" + hash));
        }
        if (keys.isEmpty() && !e.subjectDigest().isEmpty() && e.tokenHashes().isEmpty()) {
            keys.add(e.subjectDigest());
        }
        return keys;
    }

    /** Where the subject's entries may be filed; {@link #isAbout} decides each one found there. */
    static Set<String> lookupKeys(AccessLogSubject subject) {
        Set<String> keys = new LinkedHashSet<>();
        if (subject.personId() != null) {
            keys.add("p:" + subject.personId());
        }
        for (LinkageToken t : OnePerson.identifying(tokensOf(subject))) {
            keys.add("t:" + TokenHashes.text(TokenHashes.hash(t)));
        }
        keys.addAll(digestsOf(subject));
        return keys;
    }

    static boolean isAbout(AuditEntry e, AccessLogSubject subject, Set<String> digests) {
        if (subject.personId() != null && e.personIds().contains(subject.personId())) {
            return true;
        }
        if (!e.tokenHashes().isEmpty()) {
            List<LinkageToken> theirs = e.tokenHashes().stream().map(AuditSubjects::readable).flatMap(Optional::stream).toList();
            return OnePerson.compare(TokenHashes.hashAll(tokensOf(subject)), theirs).relation().releasable();
        }
        return !e.subjectDigest().isEmpty() && digests.contains(e.subjectDigest());
    }

    /** The subject digests an entry without token hashes may carry when it is about the subject. */
    static Set<String> digestsOf(AccessLogSubject subject) {
        Set<String> digests = new LinkedHashSet<>();
        if (!subject.requestTokens().isEmpty()) {
            digests.add(legacyDigest(subject.requestTokens()));
            digests.add(SubjectDigest.of(subject.requestTokens()));
        }
        List<LinkageToken> all = List.copyOf(tokensOf(subject));
        if (subject.personId() != null && all.size() <= MAX_TOKENS_FOR_SUBSETS) {
            for (int mask = 1; mask < 1 << all.size(); mask++) {
                List<LinkageToken> subset = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        subset.add(all.get(i));
                    }
                }
                if (!OnePerson.identifying(subset).isEmpty()) {
                    digests.add(legacyDigest(subset));
                }
            }
        }
        return digests;
    }

    /** A stored {@code KIND:keyId:hash} as a hashed token; empty when it is not one (never trusted blindly). */
    private static Optional<LinkageToken> readable(String text) {
        try {
            return Optional.of(TokenHashes.parse(text));
        } catch (IllegalArgumentException notAHash) {
            return Optional.empty();
        }
    }

    private static Collection<LinkageToken> tokensOf(AccessLogSubject subject) {
        Set<LinkageToken> tokens = new LinkedHashSet<>(subject.personTokens());
        tokens.addAll(subject.requestTokens());
        return tokens;
    }

    /**
     * The subject digest as entries written before token hashes were stored carry it: SHA-256 over
     * the sorted, distinct {@code kindNumber:keyId:value} lines, each followed by a newline,
     * base64url. Not injective (hence replaced by {@link SubjectDigest}); here it only finds old
     * entries, each of which was about the token set whose digest it is.
     */
    private static String legacyDigest(Collection<LinkageToken> tokens) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            tokens.stream()
                    .map(t -> t.getKind().getNumber() + ":" + t.getKeyId() + ":" + t.getValue())
                    .distinct()
                    .sorted()
                    .forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
