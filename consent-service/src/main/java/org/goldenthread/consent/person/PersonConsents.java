package org.goldenthread.consent.person;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.federation.linkage.TokenHashes;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * The consent records a decision about one person rests on ({@link ConsentResolver}).
 *
 * @param status whether the records could be resolved at all
 * @param permitting records about the person asked (EXACT or STRONG, found directly): their permits and denies apply
 * @param denyOnly every other record found (linked through another identifier, found through a legacy token, or
 *     about someone the request cannot tell apart): only their denies apply
 * @param anchors for each permitting record, the identifying kinds it shares with the request
 * @param identities for each permitting record, its own identifying tokens: a grant resting on it carries them
 *     (hashed), so a node releases only a person consistent with the record, not merely with the request
 * @param disagreeing for {@link Status#IDENTIFIERS_DISAGREE}: the kinds involved (shared and contradicted)
 * @param namesakes true when records sharing the request's name and date of birth hold different NHS or NI
 *     numbers, so the ones matched by name and date of birth alone were made deny-only
 * @param found how many records were found (for {@link Status#TOO_MANY}: at least this many)
 * @param limit the bound on records that was applied
 */
public record PersonConsents(
        Status status,
        List<ConsentRecord> permitting,
        List<ConsentRecord> denyOnly,
        Map<String, Set<LinkageTokenKind>> anchors,
        Map<String, List<LinkageToken>> identities,
        Set<LinkageTokenKind> disagreeing,
        boolean namesakes,
        int found,
        int limit) {

    /** What the resolution concluded. */
    public enum Status {
        /** The records are known: decide on them. */
        RESOLVED,
        /** A record found directly shares an identifier with the request and contradicts another: two people. */
        IDENTIFIERS_DISAGREE,
        /** More records (or links) than the bounds allow: deny everything rather than decide on part of them. */
        TOO_MANY
    }

    public PersonConsents {
        permitting = List.copyOf(permitting);
        denyOnly = List.copyOf(denyOnly);
        anchors = Map.copyOf(anchors);
        identities = Map.copyOf(identities);
        disagreeing = disagreeing.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disagreeing));
    }

    /** For a decision about nobody in particular (aggregate counts): no consent applies. */
    public static PersonConsents nobody() {
        return new PersonConsents(Status.RESOLVED, List.of(), List.of(), Map.of(), Map.of(), Set.of(), false, 0, 0);
    }

    static PersonConsents tooMany(int found, int limit) {
        return new PersonConsents(Status.TOO_MANY, List.of(), List.of(), Map.of(), Map.of(), Set.of(), false, found, limit);
    }

    /** The kinds the given permitting records share with the request: a grant resting on them is anchored there. */
    public Set<LinkageTokenKind> anchorsOf(Collection<String> consentIds) {
        Set<LinkageTokenKind> kinds = EnumSet.noneOf(LinkageTokenKind.class);
        consentIds.forEach(id -> kinds.addAll(anchors.getOrDefault(id, Set.of())));
        return kinds;
    }

    /**
     * The identifying tokens of the given permitting records, hashed ({@link TokenHashes}): the identity a
     * grant resting on them carries ({@code AccessGrant.basisIdentity}); empty when none of them is a consent.
     */
    public List<LinkageToken> identityOf(Collection<String> consentIds) {
        Set<LinkageToken> tokens = new LinkedHashSet<>();
        consentIds.forEach(id -> tokens.addAll(identities.getOrDefault(id, List.of())));
        return TokenHashes.hashAll(tokens);
    }
}
