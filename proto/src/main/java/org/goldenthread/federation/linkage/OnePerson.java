package org.goldenthread.federation.linkage;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * When a set of identifiers describes one person (ARCHITECTURE.md §2, "one person"), the rule every
 * party applies the same way:
 *
 * <ul>
 *   <li>a request carries at most one token of each kind ({@link #repeatedKinds}): two NHS numbers,
 *       or two names with dates of birth, are two people or a mistake, never one question;</li>
 *   <li>a stored person or record is about the request's person only when they share an NHS number,
 *       NI number or name with date of birth, and no identifier of a kind both hold disagrees
 *       ({@link #compare}). A person may hold several tokens of a kind (previous family names): one
 *       in common is agreement. Tokens under another linkage key cannot be compared and count as
 *       neither agreement nor disagreement;</li>
 *   <li>the fuzzy token alone is at most POSSIBLE, and only while no national identifier disagrees.</li>
 * </ul>
 * Pure: tokens in, relation out. The values compared may be the tokens themselves or any one-to-one
 * transform of them (the audit log keeps hashes), as long as both sides use the same.
 */
public final class OnePerson {

    /** The kinds that identify a person on their own: an NHS number, an NI number, name with date of birth. */
    public static final Set<LinkageTokenKind> IDENTIFYING = EnumSet.of(
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS,
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO,
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);

    /** The kinds that are unique to one person: a shared one settles who it is. */
    public static final Set<LinkageTokenKind> NATIONAL = EnumSet.of(
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS,
            LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO);

    private OnePerson() {
    }

    /** The kinds of which the request carries more than one distinct token; empty for a one-person request. */
    public static Set<LinkageTokenKind> repeatedKinds(Collection<LinkageToken> request) {
        Map<LinkageTokenKind, LinkageToken> first = new EnumMap<>(LinkageTokenKind.class);
        Set<LinkageTokenKind> repeated = EnumSet.noneOf(LinkageTokenKind.class);
        for (LinkageToken token : request) {
            if (token.getKind() == LinkageTokenKind.UNRECOGNIZED) {
                continue;
            }
            LinkageToken seen = first.putIfAbsent(token.getKind(), token);
            if (seen != null && !seen.equals(token)) {
                repeated.add(token.getKind());
            }
        }
        return repeated;
    }

    /** How the request's tokens stand to a stored person's or record's tokens. */
    public static Comparison compare(Collection<LinkageToken> request, Collection<LinkageToken> stored) {
        Set<LinkageToken> held = new HashSet<>(stored);
        Set<LinkageTokenKind> shared = EnumSet.noneOf(LinkageTokenKind.class);
        Set<LinkageTokenKind> contradicted = EnumSet.noneOf(LinkageTokenKind.class);
        for (LinkageToken asked : request) {
            if (held.contains(asked)) {
                shared.add(asked.getKind());
            }
        }
        for (LinkageToken asked : request) {
            LinkageTokenKind kind = asked.getKind();
            if (IDENTIFYING.contains(kind) && !shared.contains(kind) && holdsKindUnderKey(stored, kind, asked.getKeyId())) {
                contradicted.add(kind);
            }
        }
        return new Comparison(relation(shared, contradicted), shared, contradicted);
    }

    private static Relation relation(Set<LinkageTokenKind> shared, Set<LinkageTokenKind> contradicted) {
        boolean national = shared.stream().anyMatch(NATIONAL::contains);
        boolean identifying = national || shared.contains(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);
        if (identifying) {
            if (!contradicted.isEmpty()) {
                return Relation.CONFLICT;
            }
            return national ? Relation.EXACT : Relation.STRONG;
        }
        if (shared.contains(LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA)
                && contradicted.stream().noneMatch(NATIONAL::contains)) {
            // A name spelt differently is what makes a match only POSSIBLE: its NAME_DOB disagreeing is expected.
            return Relation.POSSIBLE;
        }
        return Relation.NONE;
    }

    private static boolean holdsKindUnderKey(Collection<LinkageToken> stored, LinkageTokenKind kind, String keyId) {
        for (LinkageToken t : stored) {
            if (t.getKind() == kind && t.getKeyId().equals(keyId)) {
                return true;
            }
        }
        return false;
    }

    /** The request's identifying tokens (NHS, NINO, NAME_DOB), without the fuzzy one. */
    public static List<LinkageToken> identifying(Collection<LinkageToken> tokens) {
        return tokens.stream().filter(t -> IDENTIFYING.contains(t.getKind())).distinct().toList();
    }
}
