package org.goldenthread.consent.grant;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.GrantClaims;
import org.goldenthread.platform.keys.SigningKeys;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;
import org.springframework.stereotype.Component;

/** Signs access grants (compact JWS, ES256, typ {@value GrantClaims#TYPE}) with the newest signing key. */
@Component
public class GrantIssuer {

    private final SigningKeys keys;
    private final GrantProperties properties;

    public GrantIssuer(SigningKeys keys, GrantProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /**
     * @param decisionId becomes the grant's {@code jti}
     * @param scopes per permitted agency (the grant's audience), its categories; must not be empty
     */
    public IssuedGrant issue(String decisionId, String requester, String requesterAgency, Purpose purpose,
            String subjectDigest, Map<String, Set<DataCategory>> scopes, Map<String, LawfulBasis> bases, Instant now) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one permitted agency");
        }
        AccessGrant grant = new AccessGrant(decisionId, requester, requesterAgency, purpose, subjectDigest,
                scopes, bases, now, now.plus(properties.grantTtl()));
        return new IssuedGrant(keys.sign(GrantClaims.toClaims(grant), GrantClaims.TYPE), grant.expiresAt());
    }
}
