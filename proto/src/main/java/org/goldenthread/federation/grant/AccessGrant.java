package org.goldenthread.federation.grant;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * The access grant consent-service issues with every decision that permits anything
 * (ARCHITECTURE.md §3): which agencies may release which categories about which subject, to
 * whom, for what purpose, on what basis, until when. Travels as a compact JWS (ES256).
 *
 * @param id the decision id (JWT {@code jti})
 * @param requester the requesting user's id (JWT {@code sub})
 * @param requesterAgency the requesting user's agency
 * @param purpose the one purpose of the request
 * @param subjectDigest {@link SubjectDigest} of the subject's linkage tokens; null for an
 *     {@linkplain #aggregate() aggregate} grant, which is about nobody in particular
 * @param scopes per permitted agency, the categories it may release
 * @param bases per permitted agency, the lawful basis of the permit
 * @param issuedAt JWT {@code iat}
 * @param expiresAt JWT {@code exp}, at most {@link #MAX_LIFETIME} after issue
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
        Instant expiresAt) {

    public static final java.time.Duration MAX_LIFETIME = java.time.Duration.ofSeconds(120);

    public AccessGrant {
        scopes = scopes.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        bases = Map.copyOf(bases);
    }

    /**
     * True for a grant to count, never to look anyone up: it names no subject (purpose
     * OUTCOME_EVIDENCE, issued under an agreement alone). A node serves aggregate calls only with
     * such a grant, and calls about a person only with a grant naming that person.
     */
    public boolean aggregate() {
        return subjectDigest == null;
    }

    /** The categories this grant lets {@code agencyId} release; empty when none. */
    public Set<DataCategory> scopeOf(String agencyId) {
        return scopes.getOrDefault(agencyId, Set.of());
    }
}
