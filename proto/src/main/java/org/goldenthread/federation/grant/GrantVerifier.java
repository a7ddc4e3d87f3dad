package org.goldenthread.federation.grant;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.goldenthread.federation.grant.GrantRejectedException.Reason;
import org.goldenthread.platform.keys.Es256Verifier;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * Verifies an access grant the way every node must (ARCHITECTURE.md §3): ES256 signature
 * against consent-service's JWKS (cached; an unknown key id triggers a refresh, which is how key
 * rotation reaches nodes), issuer, audience = this agency, not expired, lifetime within the
 * 120-second maximum, and then either a subject digest equal to the request's ({@link #verify}) or,
 * for counts about nobody in particular, an aggregate grant naming no one ({@link #verifyAggregate}).
 * Neither kind stands in for the other.
 */
public final class GrantVerifier {

    /** The most the issuer's and this node's clocks may disagree by (ARCHITECTURE.md §3: lifetime ≤ 120 s in all). */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final String agencyId;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Clock clock;

    public GrantVerifier(String agencyId, JWKSource<SecurityContext> keys, Clock clock) {
        this.agencyId = agencyId;
        this.clock = clock;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(GrantClaims.TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        // Every federated call verifies a grant: Bouncy Castle's P-256 rather than JDK 17's slower SunEC.
        processor.setJWSVerifierFactory(new Es256Verifier.Factory());
        // Claims are checked below, one by one, so each refusal has a precise reason.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /** A verifier reading keys from a JWKS URL, cached, refreshed on an unknown key id. */
    public static GrantVerifier forJwksUri(String agencyId, URI jwksUri, Duration timeout) {
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder
                    .create(jwksUri.toURL(), new com.nimbusds.jose.util.DefaultResourceRetriever(
                            (int) timeout.toMillis(), (int) timeout.toMillis()))
                    .build();
            return new GrantVerifier(agencyId, source, Clock.systemUTC());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad JWKS URI " + jwksUri, e);
        }
    }

    public String agencyId() {
        return agencyId;
    }

    /** The grant, when it lets this node answer about the subject of {@code requestTokens}. */
    public AccessGrant verify(String compactJws, Collection<LinkageToken> requestTokens) throws GrantRejectedException {
        return requireSubject(authenticate(compactJws), requestTokens);
    }

    /** The grant, when it lets this node answer an aggregate count: it must name no subject. */
    public AccessGrant verifyAggregate(String compactJws) throws GrantRejectedException {
        AccessGrant grant = authenticate(compactJws);
        if (!grant.aggregate()) {
            throw new GrantRejectedException(Reason.WRONG_SUBJECT,
                    "the access grant is about a person, not for aggregate counts");
        }
        return grant;
    }

    /**
     * The grant, when it is genuine, current and for this agency, whatever it is about: for a call
     * that names a record rather than a person, whose subject is found through the grant and then
     * checked with {@link #requireSubject}.
     */
    public AccessGrant authenticate(String compactJws) throws GrantRejectedException {
        if (compactJws == null || compactJws.isBlank()) {
            throw new GrantRejectedException(Reason.MISSING, "no access grant presented");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(compactJws, null);
        } catch (ParseException e) {
            throw new GrantRejectedException(Reason.MALFORMED, "the access grant is not a JWS");
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new GrantRejectedException(Reason.BAD_SIGNATURE, "the access grant's signature does not verify");
        }
        if (!GrantClaims.ISSUER.equals(claims.getIssuer())) {
            throw new GrantRejectedException(Reason.WRONG_ISSUER, "the access grant was not issued by consent-service");
        }
        AccessGrant grant;
        try {
            grant = GrantClaims.fromClaims(claims);
        } catch (IllegalArgumentException e) {
            throw new GrantRejectedException(Reason.MALFORMED, e.getMessage());
        }
        Instant now = clock.instant();
        if (now.isAfter(grant.expiresAt().plus(CLOCK_SKEW))) {
            throw new GrantRejectedException(Reason.EXPIRED, "the access grant has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (grant.issuedAt().isAfter(now.plus(CLOCK_SKEW))
                || notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new GrantRejectedException(Reason.NOT_YET_VALID, "the access grant is not valid yet");
        }
        if (!grant.expiresAt().isAfter(grant.issuedAt())
                || Duration.between(grant.issuedAt(), grant.expiresAt()).compareTo(AccessGrant.MAX_LIFETIME) > 0) {
            throw new GrantRejectedException(Reason.MALFORMED, "the access grant's lifetime is not acceptable");
        }
        // One grant per agency: a grant naming any other audience, or this one among others, is not this node's.
        List<String> audience = claims.getAudience();
        if (audience == null || audience.size() != 1 || !audience.get(0).equals(agencyId)
                || !grant.audience().equals(agencyId) || grant.scopeOf(agencyId).isEmpty()) {
            throw new GrantRejectedException(Reason.WRONG_AUDIENCE, "the access grant is not for agency " + agencyId);
        }
        return grant;
    }

    /** {@code grant} itself, when it names the subject of {@code tokens}; an aggregate grant names no one. */
    public static AccessGrant requireSubject(AccessGrant grant, Collection<LinkageToken> tokens)
            throws GrantRejectedException {
        if (grant.aggregate()) {
            throw new GrantRejectedException(Reason.WRONG_SUBJECT, "an aggregate access grant is about no one");
        }
        if (tokens.isEmpty() || !SubjectDigest.of(tokens).equals(grant.subjectDigest())) {
            throw new GrantRejectedException(Reason.WRONG_SUBJECT, "the access grant is for another subject");
        }
        return grant;
    }
}
