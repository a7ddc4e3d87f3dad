package org.goldenthread.federation.grant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.federation.linkage.TestKeys;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;

/** Grants as consent-service issues them, signed with test keys. Fictional people only. */
final class TestGrants {

    static final String AGENCY = "northshire-housing";
    static final String OTHER_AGENCY = "northshire-police";
    static final List<LinkageToken> SUBJECT = TestKeys.tokens().tokensFor(new PersonIdentifiers(
            "9434765919", null, "Quill", "Ada", LocalDate.of(2007, 3, 14), "LS6 2AB"));
    static final List<LinkageToken> OTHER_SUBJECT = TestKeys.tokens().tokensFor(new PersonIdentifiers(
            "4010232137", null, "Quill", "Bea", LocalDate.of(2009, 5, 1), "LS6 2AB"));

    private TestGrants() {
    }

    static ECKey newKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** housing's grant for {@link #SUBJECT}: it may release HOUSING and ASB, on consent known by the NHS number. */
    static AccessGrant grant(Instant issuedAt, Duration lifetime) {
        return new AccessGrant("decision-42.housing", "user-7", "early-help", Purpose.PURPOSE_COORDINATION,
                SubjectDigest.of(SUBJECT),
                Map.of(AGENCY, Set.of(DataCategory.DATA_CATEGORY_HOUSING, DataCategory.DATA_CATEGORY_ASB)),
                Map.of(AGENCY, LawfulBasis.LAWFUL_BASIS_CONSENT),
                issuedAt, issuedAt.plus(lifetime), Set.of(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS));
    }

    /** police's grant of the same decision: INVOLVEMENT under the partnership's agreement. */
    static AccessGrant otherAgencysGrant(Instant issuedAt, Duration lifetime) {
        return new AccessGrant("decision-42.police", "user-7", "early-help", Purpose.PURPOSE_COORDINATION,
                SubjectDigest.of(SUBJECT), Map.of(OTHER_AGENCY, Set.of(DataCategory.DATA_CATEGORY_INVOLVEMENT)),
                Map.of(OTHER_AGENCY, LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK), issuedAt, issuedAt.plus(lifetime));
    }

    /** An aggregate grant (no subject): housing may count HOUSING, for outcome evidence. */
    static AccessGrant aggregateGrant(Instant issuedAt, Duration lifetime) {
        return new AccessGrant("decision-43", "user-7", "early-help", Purpose.PURPOSE_OUTCOME_EVIDENCE, null,
                Map.of(AGENCY, Set.of(DataCategory.DATA_CATEGORY_HOUSING)),
                Map.of(AGENCY, LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK), issuedAt, issuedAt.plus(lifetime));
    }

    static String sign(JWTClaimsSet claims, ECKey key) {
        return sign(claims, key, new JOSEObjectType(GrantClaims.TYPE));
    }

    static String sign(JWTClaimsSet claims, ECKey key, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .keyID(key.getKeyID()).type(type).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
