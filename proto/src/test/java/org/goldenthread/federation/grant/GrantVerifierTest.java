package org.goldenthread.federation.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.goldenthread.federation.grant.TestGrants.AGENCY;
import static org.goldenthread.federation.grant.TestGrants.OTHER_AGENCY;
import static org.goldenthread.federation.grant.TestGrants.OTHER_SUBJECT;
import static org.goldenthread.federation.grant.TestGrants.SUBJECT;
import static org.goldenthread.federation.grant.TestGrants.aggregateGrant;
import static org.goldenthread.federation.grant.TestGrants.grant;
import static org.goldenthread.federation.grant.TestGrants.sign;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.goldenthread.federation.grant.GrantRejectedException.Reason;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GrantVerifierTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final ECKey CONSENT_KEY = TestGrants.newKey("consent-1");

    final GrantVerifier verifier = new GrantVerifier(AGENCY,
            new ImmutableJWKSet<>(new JWKSet(CONSENT_KEY.toPublicJWK())), Clock.fixed(NOW, ZoneOffset.UTC));

    static JWTClaimsSet claims(Instant issuedAt, Duration lifetime) {
        return GrantClaims.toClaims(grant(issuedAt, lifetime));
    }

    static String valid() {
        return sign(claims(NOW.minusSeconds(10), Duration.ofSeconds(120)), CONSENT_KEY);
    }

    Reason rejection(String jws, Collection<LinkageToken> tokens) {
        try {
            AccessGrant accepted = verifier.verify(jws, tokens);
            return fail("grant accepted but should have been rejected: " + accepted);
        } catch (GrantRejectedException e) {
            return e.reason();
        }
    }

    Reason rejection(String jws) {
        return rejection(jws, SUBJECT);
    }

    @Test
    void acceptsAValidGrantAndReadsItBack() throws GrantRejectedException {
        AccessGrant accepted = verifier.verify(valid(), SUBJECT);

        assertThat(accepted).isEqualTo(grant(NOW.minusSeconds(10), Duration.ofSeconds(120)));
        assertThat(accepted.scopeOf(AGENCY))
                .containsExactlyInAnyOrder(DataCategory.DATA_CATEGORY_HOUSING, DataCategory.DATA_CATEGORY_ASB);
        assertThat(accepted.scopeOf("nobody")).isEmpty();
        assertThat(verifier.agencyId()).isEqualTo(AGENCY);
    }

    @Test
    void acceptsTheSubjectsTokensInAnyOrder() throws GrantRejectedException {
        List<LinkageToken> reversed = new java.util.ArrayList<>(SUBJECT);
        java.util.Collections.reverse(reversed);
        assertThat(verifier.verify(valid(), reversed).id()).isEqualTo("decision-42.housing");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesAMissingGrant(String jws) {
        assertThat(rejection(jws)).isEqualTo(Reason.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJFUzI1NiJ9.e30", "..."})
    void refusesSomethingThatIsNotAJws(String jws) {
        assertThat(rejection(jws)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusesAGrantSignedByAnotherKey() {
        JWTClaimsSet claims = claims(NOW, Duration.ofSeconds(60));
        assertThat(rejection(sign(claims, TestGrants.newKey("intruder")))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejection(sign(claims, TestGrants.newKey(CONSENT_KEY.getKeyID())))).as("same kid, other key")
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedGrant() {
        String[] parts = valid().split("\\.");
        JWTClaimsSet widened = new JWTClaimsSet.Builder(claims(NOW.minusSeconds(10), Duration.ofSeconds(120)))
                .claim("scopes", Map.of(AGENCY, List.of("HEALTH_MENTAL"))).build();
        String forged = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(widened.toString()) + "." + parts[2];
        assertThat(rejection(forged)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesAnUnsignedGrant() {
        PlainJWT unsigned = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType(GrantClaims.TYPE)).build(),
                claims(NOW, Duration.ofSeconds(60)));
        Reason reason = rejection(unsigned.serialize());
        assertThat(reason).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
        assertThat(reason.unauthenticated()).isTrue();
    }

    @Test
    void refusesAGrantMacedWithASharedSecret() throws Exception {
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(CONSENT_KEY.getKeyID())
                .type(new JOSEObjectType(GrantClaims.TYPE)).build(), claims(NOW, Duration.ofSeconds(60)));
        hs.sign(new MACSigner(new byte[32]));
        assertThat(rejection(hs.serialize())).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesAnotherTokenTypeEvenWhenSignedByConsentService() {
        JWTClaimsSet claims = claims(NOW, Duration.ofSeconds(60));
        assertThat(rejection(sign(claims, CONSENT_KEY, JOSEObjectType.JWT)).unauthenticated()).isTrue();
        assertThat(rejection(sign(claims, CONSENT_KEY, new JOSEObjectType("at+jwt"))).unauthenticated()).isTrue();
        assertThat(rejection(sign(claims, CONSENT_KEY, null)).unauthenticated()).as("no typ").isTrue();
    }

    @Test
    void refusesAGrantFromAnotherIssuer() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60))).issuer("rogue-consent").build();
        assertThat(rejection(sign(claims, CONSENT_KEY))).isEqualTo(Reason.WRONG_ISSUER);
        JWTClaimsSet none = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60))).issuer(null).build();
        assertThat(rejection(sign(none, CONSENT_KEY))).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void toleratesFiveSecondsOfClockSkewAfterExpiryAndNoMore() throws GrantRejectedException {
        String justExpired = sign(claims(NOW.minusSeconds(95), Duration.ofSeconds(90)), CONSENT_KEY);
        assertThat(verifier.verify(justExpired, SUBJECT).expiresAt()).isEqualTo(NOW.minusSeconds(5));

        String expired = sign(claims(NOW.minusSeconds(96), Duration.ofSeconds(90)), CONSENT_KEY);
        assertThat(rejection(expired)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void aCapturedGrantIsWorthlessAtMostTwoMinutesAndFiveSecondsAfterIssue() {
        String grant = sign(claims(NOW.minusSeconds(126), Duration.ofSeconds(120)), CONSENT_KEY);
        assertThat(rejection(grant)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void refusesALifetimeBeyondTwoMinutes() throws GrantRejectedException {
        assertThat(verifier.verify(sign(claims(NOW, Duration.ofSeconds(120)), CONSENT_KEY), SUBJECT)).isNotNull();
        assertThat(rejection(sign(claims(NOW, Duration.ofSeconds(121)), CONSENT_KEY))).isEqualTo(Reason.MALFORMED);
        assertThat(rejection(sign(claims(NOW, Duration.ofHours(24)), CONSENT_KEY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusesAGrantIssuedInTheFutureBeyondTheSkew() throws GrantRejectedException {
        assertThat(verifier.verify(sign(claims(NOW.plusSeconds(5), Duration.ofSeconds(60)), CONSENT_KEY), SUBJECT))
                .as("within 5 s of skew").isNotNull();
        assertThat(rejection(sign(claims(NOW.plusSeconds(6), Duration.ofSeconds(60)), CONSENT_KEY)))
                .isEqualTo(Reason.NOT_YET_VALID);
        assertThat(rejection(sign(claims(NOW.plusSeconds(60), Duration.ofSeconds(60)), CONSENT_KEY)))
                .isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void checksNotBeforeWhenPresent() throws GrantRejectedException {
        JWTClaimsSet early = new JWTClaimsSet.Builder(claims(NOW.minusSeconds(10), Duration.ofSeconds(120)))
                .notBeforeTime(java.util.Date.from(NOW.plusSeconds(30))).build();
        assertThat(rejection(sign(early, CONSENT_KEY))).isEqualTo(Reason.NOT_YET_VALID);
        JWTClaimsSet current = new JWTClaimsSet.Builder(claims(NOW.minusSeconds(10), Duration.ofSeconds(120)))
                .notBeforeTime(java.util.Date.from(NOW.minusSeconds(10))).build();
        assertThat(verifier.verify(sign(current, CONSENT_KEY), SUBJECT)).isNotNull();
    }

    @Test
    void refusesAGrantThatExpiresBeforeItIsIssued() {
        JWTClaimsSet inverted = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .expirationTime(java.util.Date.from(NOW.minusSeconds(1))).build();
        assertThat(rejection(sign(inverted, CONSENT_KEY))).isIn(Reason.MALFORMED, Reason.EXPIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jti", "sub", "agency", "purpose", "subject", "scopes", "iat", "exp"})
    void refusesAGrantWithoutARequiredClaim(String claim) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60))).claim(claim, null).build();
        assertThat(rejection(sign(claims, CONSENT_KEY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusesTermsOutsideTheVocabulary() {
        JWTClaimsSet unknownCategory = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .claim("scopes", Map.of(AGENCY, List.of("HOUSING", "DNA"))).build();
        assertThat(rejection(sign(unknownCategory, CONSENT_KEY))).isEqualTo(Reason.MALFORMED);
        JWTClaimsSet unknownPurpose = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .claim("purpose", "MARKETING").build();
        assertThat(rejection(sign(unknownPurpose, CONSENT_KEY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusesAGrantForOtherAgencies() {
        GrantVerifier elsewhere = new GrantVerifier("northshire-schools",
                new ImmutableJWKSet<>(new JWKSet(CONSENT_KEY.toPublicJWK())), Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            elsewhere.verify(valid(), SUBJECT);
            fail("a grant without this agency in its audience was accepted");
        } catch (GrantRejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE);
        }
    }

    @Test
    void refusesAnotherAgencysGrantOfTheSameDecision() {
        String forPolice = sign(GrantClaims.toClaims(TestGrants.otherAgencysGrant(NOW, Duration.ofSeconds(60))),
                CONSENT_KEY);
        assertThat(rejection(forPolice)).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void refusesAGrantNamingSeveralAgencies() {
        JWTClaimsSet shared = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .audience(List.of(AGENCY, OTHER_AGENCY)).build();
        assertThat(rejection(sign(shared, CONSENT_KEY))).isEqualTo(Reason.WRONG_AUDIENCE);
        JWTClaimsSet twoScopes = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .claim("scopes", Map.of(AGENCY, List.of("HOUSING"), OTHER_AGENCY, List.of("INVOLVEMENT"))).build();
        assertThat(rejection(sign(twoScopes, CONSENT_KEY))).as("one grant carries one agency's scope")
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusesAnAudienceWithoutAScopeForThisAgency() {
        JWTClaimsSet audienceOnly = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .claim("scopes", Map.of(OTHER_AGENCY, List.of("INVOLVEMENT")))
                .claim("basis", Map.of()).build();
        assertThat(rejection(sign(audienceOnly, CONSENT_KEY))).isEqualTo(Reason.WRONG_AUDIENCE);
        JWTClaimsSet scopeOnly = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .audience(OTHER_AGENCY).build();
        assertThat(rejection(sign(scopeOnly, CONSENT_KEY))).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void carriesTheAnchorsOfItsBasis() throws GrantRejectedException {
        assertThat(verifier.verify(valid(), SUBJECT).anchors())
                .containsExactly(org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS);
        JWTClaimsSet unknown = new JWTClaimsSet.Builder(claims(NOW, Duration.ofSeconds(60)))
                .claim("anchors", List.of("SHOE_SIZE")).build();
        assertThat(rejection(sign(unknown, CONSENT_KEY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusesAGrantForAnotherSubject() {
        assertThat(rejection(valid(), OTHER_SUBJECT)).isEqualTo(Reason.WRONG_SUBJECT);
        assertThat(rejection(valid(), SUBJECT.subList(0, 1))).as("part of the subject").isEqualTo(Reason.WRONG_SUBJECT);
        assertThat(rejection(valid(), List.of())).isEqualTo(Reason.WRONG_SUBJECT);
    }

    @ParameterizedTest
    @CsvSource({"MISSING,true", "MALFORMED,true", "BAD_SIGNATURE,true", "EXPIRED,true", "NOT_YET_VALID,true",
            "WRONG_ISSUER,true", "WRONG_AUDIENCE,false", "WRONG_SUBJECT,false", "CATEGORY_NOT_GRANTED,false",
            "REPLAYED,false", "REPLAY_CACHE_FULL,false"})
    void reasonDecidesUnauthenticatedOrPermissionDenied(Reason reason, boolean unauthenticated) {
        assertThat(reason.unauthenticated()).isEqualTo(unauthenticated);
        assertThat(new GrantRejectedException(reason, "x").reason()).isEqualTo(reason);
    }

    @Test
    void anAggregateGrantCountsButNamesNoOne() throws GrantRejectedException {
        AccessGrant aggregate = aggregateGrant(NOW.minusSeconds(10), Duration.ofSeconds(120));
        JWTClaimsSet claims = GrantClaims.toClaims(aggregate);
        String jws = sign(claims, CONSENT_KEY);

        assertThat(claims.getClaim("aggregate")).isEqualTo(true);
        assertThat(claims.getClaims()).doesNotContainKey("subject");
        assertThat(verifier.verifyAggregate(jws)).isEqualTo(aggregate);
        assertThat(verifier.verifyAggregate(jws).aggregate()).isTrue();
        // Never for a look-up about a person, whoever's tokens come with it.
        assertThat(rejection(jws, SUBJECT)).isEqualTo(Reason.WRONG_SUBJECT);
    }

    @Test
    void aGrantAboutAPersonIsNotAnAggregateGrant() {
        try {
            verifier.verifyAggregate(valid());
            fail("a grant about a person was accepted for aggregate counts");
        } catch (GrantRejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.WRONG_SUBJECT);
        }
    }

    @Test
    void refusesAGrantClaimingToBeAggregateWhileNamingASubject() {
        JWTClaimsSet both = new JWTClaimsSet.Builder(claims(NOW.minusSeconds(10), Duration.ofSeconds(120)))
                .claim("aggregate", true).build();

        assertThat(rejection(sign(both, CONSENT_KEY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void anAggregateGrantIsCheckedLikeAnyOther() {
        String expired = sign(GrantClaims.toClaims(aggregateGrant(NOW.minusSeconds(400), Duration.ofSeconds(120))),
                CONSENT_KEY);
        String otherKey = sign(GrantClaims.toClaims(aggregateGrant(NOW, Duration.ofSeconds(60))),
                TestGrants.newKey("consent-1"));
        GrantVerifier police = new GrantVerifier(OTHER_AGENCY,
                new ImmutableJWKSet<>(new JWKSet(CONSENT_KEY.toPublicJWK())), Clock.fixed(NOW, ZoneOffset.UTC));
        String forHousing = sign(GrantClaims.toClaims(aggregateGrant(NOW, Duration.ofSeconds(60))), CONSENT_KEY);

        assertThat(aggregateRejection(verifier, expired)).isEqualTo(Reason.EXPIRED);
        assertThat(aggregateRejection(verifier, otherKey)).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(aggregateRejection(police, forHousing)).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    private static Reason aggregateRejection(GrantVerifier verifier, String jws) {
        try {
            return fail("aggregate grant accepted but should have been rejected: " + verifier.verifyAggregate(jws));
        } catch (GrantRejectedException e) {
            return e.reason();
        }
    }
}
