package org.goldenthread.federation.grant;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.linkage.TokenHashes;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * The one mapping between {@link AccessGrant} and its JWT claims, used by the issuer
 * (consent-service) and every verifier (nodes), so both sides agree on names by construction.
 */
public final class GrantClaims {

    public static final String ISSUER = "goldenthread-consent";
    public static final String TYPE = "gt-grant+jwt";
    static final String AGENCY = "agency";
    static final String PURPOSE = "purpose";
    static final String SUBJECT = "subject";
    static final String SCOPES = "scopes";
    static final String BASIS = "basis";
    /** Marks a grant for counts about nobody in particular: it then has no {@value #SUBJECT} claim. */
    static final String AGGREGATE = "aggregate";
    /** The kinds of the request's tokens the basis is known by ({@link AccessGrant#anchors()}), short names. */
    static final String ANCHORS = "anchors";
    /** The hashed identifying tokens of the consent record(s) behind the permit ({@link AccessGrant#basisIdentity()}). */
    static final String BASIS_IDENTITY = "basisIdentity";
    private static final String KIND_PREFIX = "LINKAGE_TOKEN_KIND_";

    private GrantClaims() {
    }

    public static JWTClaimsSet toClaims(AccessGrant grant) {
        Map<String, Object> scopes = new LinkedHashMap<>();
        grant.scopes().forEach((agency, categories) -> scopes.put(agency,
                categories.stream().map(Vocabulary::name).sorted().toList()));
        Map<String, Object> bases = new LinkedHashMap<>();
        grant.bases().forEach((agency, basis) -> bases.put(agency, Vocabulary.name(basis)));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .jwtID(grant.id())
                .subject(grant.requester())
                .audience(grant.audience())
                .claim(AGENCY, grant.requesterAgency())
                .claim(PURPOSE, Vocabulary.name(grant.purpose()))
                .claim(SCOPES, scopes)
                .claim(BASIS, bases)
                .claim(BASIS_IDENTITY, grant.basisIdentity().stream().map(TokenHashes::text).sorted().toList())
                .claim(ANCHORS, grant.anchors().stream().map(k -> k.name().substring(KIND_PREFIX.length())).sorted().toList())
                .issueTime(Date.from(grant.issuedAt()))
                .expirationTime(Date.from(grant.expiresAt()));
        // A verifier that predates aggregate grants requires the subject claim, so it refuses them too.
        return (grant.aggregate() ? claims.claim(AGGREGATE, true) : claims.claim(SUBJECT, grant.subjectDigest()))
                .build();
    }

    /**
     * Throws {@link IllegalArgumentException} when a claim is missing or malformed, and when a grant
     * both claims to be aggregate and names a subject.
     */
    public static AccessGrant fromClaims(JWTClaimsSet claims) {
        try {
            boolean aggregate = Boolean.TRUE.equals(claims.getBooleanClaim(AGGREGATE));
            String subject = claims.getStringClaim(SUBJECT);
            if (aggregate && subject != null) {
                throw new IllegalArgumentException("an aggregate grant must not name a subject");
            }
            Map<String, Set<DataCategory>> scopes = new LinkedHashMap<>();
            Map<String, Object> rawScopes = required(claims.getJSONObjectClaim(SCOPES), SCOPES);
            rawScopes.forEach((agency, list) -> scopes.put(agency, ((List<?>) list).stream()
                    .map(String::valueOf).map(Vocabulary::category).collect(Collectors.toSet())));
            Map<String, LawfulBasis> bases = new LinkedHashMap<>();
            Map<String, Object> rawBases = claims.getJSONObjectClaim(BASIS);
            if (rawBases != null) {
                rawBases.forEach((agency, basis) -> bases.put(agency, Vocabulary.basis(String.valueOf(basis))));
            }
            return new AccessGrant(
                    required(claims.getJWTID(), "jti"),
                    required(claims.getSubject(), "sub"),
                    required(claims.getStringClaim(AGENCY), AGENCY),
                    Vocabulary.purpose(required(claims.getStringClaim(PURPOSE), PURPOSE)),
                    aggregate ? null : required(subject, SUBJECT),
                    scopes,
                    bases,
                    required(claims.getIssueTime(), "iat").toInstant(),
                    required(claims.getExpirationTime(), "exp").toInstant(),
                    anchors(claims.getStringListClaim(ANCHORS)),
                    basisIdentity(claims.getStringListClaim(BASIS_IDENTITY)));
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("malformed grant claim", e);
        }
    }

    private static List<LinkageToken> basisIdentity(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(TokenHashes::parse).toList();
    }

    private static Set<LinkageTokenKind> anchors(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<LinkageTokenKind> kinds = EnumSet.noneOf(LinkageTokenKind.class);
        for (String name : names) {
            try {
                LinkageTokenKind kind = LinkageTokenKind.valueOf(KIND_PREFIX + name);
                if (kind == LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED) {
                    throw new IllegalArgumentException("grant claim 'anchors' names no kind");
                }
                kinds.add(kind);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("grant claim 'anchors' holds an unknown kind", e);
            }
        }
        return kinds;
    }

    private static <T> T required(T value, String claim) {
        if (value == null) {
            throw new IllegalArgumentException("grant claim '" + claim + "' is missing");
        }
        return value;
    }
}
