package org.goldenthread.federation.grant;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * The access grant consent-service issues to one permitted agency (ARCHITECTURE.md §3): which
 * categories that agency may release about which subject, to whom, for what purpose, on what
 * basis, until when. One grant per agency: its audience is that agency alone and it carries that
 * agency's scope and basis only, so no node learns what another was permitted, and a grant taken
 * from one node is worthless at another. Travels as a compact JWS (ES256).
 *
 * @param id the grant's id (JWT {@code jti}): the decision id and the agency, unique per grant
 * @param requester the requesting user's id (JWT {@code sub})
 * @param requesterAgency the requesting user's agency
 * @param purpose the one purpose of the request
 * @param subjectDigest {@link SubjectDigest} of the subject's linkage tokens; null for an
 *     {@linkplain #aggregate() aggregate} grant, which is about nobody in particular
 * @param scopes the one permitted agency (the audience) and the categories it may release
 * @param bases the one permitted agency and the lawful basis of its permit
 * @param issuedAt JWT {@code iat}
 * @param expiresAt JWT {@code exp}, at most {@link #MAX_LIFETIME} after issue
 * @param anchors the kinds of the request's tokens the lawful basis is known by (a consent record
 *     shares them with the request); a node releases only a person who shares one. Empty means any
 *     identifying kind: an agreement or break-glass is about whoever the request identifies
 * @param basisIdentity the identifying tokens of the consent record(s) the permit rests on, hashed
 *     ({@link org.goldenthread.federation.linkage.TokenHashes}): a node releases only a person
 *     consistent with them, so a person the request's identifiers fit but the consent record's
 *     do not (another NHS number) is never released under it. Empty for agreements and break-glass
 */
public record AccessGrant(
        String id,
        String requester,
        String requesterAgency,
        Purpose purpose,
        String subjectDigest,
        Map<String, Set<DataCategory>> scopes,
        Map<String, LawfulBasis> bases,
        Instant issuedAt,
        Instant expiresAt,
        Set<LinkageTokenKind> anchors,
        java.util.List<LinkageToken> basisIdentity) {

    public static final Duration MAX_LIFETIME = Duration.ofSeconds(120);

    public AccessGrant {
        if (scopes.size() != 1) {
            throw new IllegalArgumentException("an access grant is for exactly one agency");
        }
        scopes = scopes.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        bases = Map.copyOf(bases);
        if (!scopes.keySet().containsAll(bases.keySet())) {
            throw new IllegalArgumentException("an access grant's basis is for its own agency only");
        }
        anchors = anchors == null ? Set.of() : Set.copyOf(anchors);
        basisIdentity = basisIdentity == null ? java.util.List.of() : java.util.List.copyOf(basisIdentity);
    }

    /** A grant without a basis identity (an agreement's or break-glass's). */
    public AccessGrant(String id, String requester, String requesterAgency, Purpose purpose, String subjectDigest,
            Map<String, Set<DataCategory>> scopes, Map<String, LawfulBasis> bases, Instant issuedAt,
            Instant expiresAt, Set<LinkageTokenKind> anchors) {
        this(id, requester, requesterAgency, purpose, subjectDigest, scopes, bases, issuedAt, expiresAt, anchors,
                java.util.List.of());
    }

    /** A grant whose basis is about whoever the request identifies (no anchors). */
    public AccessGrant(String id, String requester, String requesterAgency, Purpose purpose, String subjectDigest,
            Map<String, Set<DataCategory>> scopes, Map<String, LawfulBasis> bases, Instant issuedAt,
            Instant expiresAt) {
        this(id, requester, requesterAgency, purpose, subjectDigest, scopes, bases, issuedAt, expiresAt, Set.of(),
                java.util.List.of());
    }

    /**
     * True for a grant to count, never to look anyone up: it names no subject (purpose
     * OUTCOME_EVIDENCE, issued under an agreement alone). A node serves aggregate calls only with
     * such a grant, and calls about a person only with a grant naming that person.
     */
    public boolean aggregate() {
        return subjectDigest == null;
    }

    /** The one agency this grant is for (its JWT {@code aud}). */
    public String audience() {
        return scopes.keySet().iterator().next();
    }

    /** The categories this grant lets {@code agencyId} release; empty when none (another agency's grant). */
    public Set<DataCategory> scopeOf(String agencyId) {
        return scopes.getOrDefault(agencyId, Set.of());
    }
}
