package org.goldenthread.federation.grant;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;

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

    private GrantClaims() {
    }

    public static JWTClaimsSet toClaims(AccessGrant grant) {
        Map<String, Object> scopes = new LinkedHashMap<>();
        grant.scopes().forEach((agency, categories) -> scopes.put(agency,
                categories.stream().map(Vocabulary::name).sorted().toList()));
        Map<String, Object> bases = new LinkedHashMap<>();
        grant.bases().forEach((agency, basis) -> bases.put(agency, Vocabulary.name(basis)));
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .jwtID(grant.id())
                .subject(grant.requester())
                .audience(new ArrayList<>(grant.scopes().keySet()))
                .claim(AGENCY, grant.requesterAgency())
                .claim(PURPOSE, Vocabulary.name(grant.purpose()))
                .claim(SUBJECT, grant.subjectDigest())
                .claim(SCOPES, scopes)
                .claim(BASIS, bases)
                .issueTime(Date.from(grant.issuedAt()))
                .expirationTime(Date.from(grant.expiresAt()))
                .build();
    }

    /** Throws {@link IllegalArgumentException} when a claim is missing or malformed. */
    public static AccessGrant fromClaims(JWTClaimsSet claims) {
        try {
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
                    required(claims.getStringClaim(SUBJECT), SUBJECT),
                    scopes,
                    bases,
                    required(claims.getIssueTime(), "iat").toInstant(),
                    required(claims.getExpirationTime(), "exp").toInstant());
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("malformed grant claim", e);
        }
    }

    private static <T> T required(T value, String claim) {
        if (value == null) {
            throw new IllegalArgumentException("grant claim '" + claim + "' is missing");
        }
        return value;
    }
}
