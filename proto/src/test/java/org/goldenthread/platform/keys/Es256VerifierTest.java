package org.goldenthread.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.bouncycastle.util.BigIntegers;

/**
 * The Bouncy Castle verifier accepts exactly what the JDK's does: signatures the JDK (SunEC, through
 * Nimbus's {@code ECDSASigner}) made with the matching key over the same bytes, and nothing else.
 */
class Es256VerifierTest {

    @Property(tries = 200)
    void acceptsTheJdksSignatures(@ForAll @StringLength(max = 2000) String payload) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        JWSObject jws = JWSObject.parse(jdkSigned(key, payload).serialize());

        assertThat(jws.verify(new Es256Verifier(key.toECPublicKey()))).isTrue();
    }

    @Property(tries = 50)
    void refusesAChangedPayloadAnotherKeyOrAChangedSignature(@ForAll @StringLength(min = 1, max = 200) String payload)
            throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        JWSObject jws = jdkSigned(key, payload);
        String[] parts = jws.serialize().split("\\.");
        Es256Verifier verifier = new Es256Verifier(key.toECPublicKey());

        assertThat(JWSObject.parse(parts[0] + "." + new Payload(payload + "!").toBase64URL() + "." + parts[2])
                .verify(verifier)).isFalse();
        assertThat(JWSObject.parse(jws.serialize())
                .verify(new Es256Verifier(new ECKeyGenerator(Curve.P_256).generate().toECPublicKey()))).isFalse();
        byte[] flipped = jws.getSignature().decode();
        flipped[40] ^= 1;
        assertThat(withSignature(jws, flipped).verify(verifier)).isFalse();
    }

    @Property(tries = 1)
    void refusesMalformedSignaturesAndCriticalHeaders() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        Es256Verifier verifier = new Es256Verifier(key.toECPublicKey());
        JWSObject jws = jdkSigned(key, "{\"sub\":\"x\"}");
        BigInteger n = Es256Signer.DOMAIN.getN();

        // All zeros: the "psychic signature" a verifier skipping the range check accepts.
        assertThat(withSignature(jws, new byte[64]).verify(verifier)).isFalse();
        byte[] rIsN = jws.getSignature().decode();
        BigIntegers.asUnsignedByteArray(n, rIsN, 0, 32);
        assertThat(withSignature(jws, rIsN).verify(verifier)).isFalse();
        assertThat(withSignature(jws, new byte[63]).verify(verifier)).isFalse();
        assertThat(withSignature(jws, new byte[72]).verify(verifier)).isFalse();

        JWSObject critical = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).criticalParams(Set.of("exp"))
                .customParam("exp", 1).build(), new Payload("x"));
        critical.sign(new ECDSASigner(key));
        assertThat(JWSObject.parse(critical.serialize()).verify(verifier)).isFalse();
    }

    @Property(tries = 1)
    void theFactoryVerifiesEs256ItselfAndLeavesOtherAlgorithmsToNimbus() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        Es256Verifier.Factory factory = new Es256Verifier.Factory();

        assertThat(factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.ES256), key.toECPublicKey()))
                .isInstanceOf(Es256Verifier.class)
                .isSameAs(factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.ES256), key.toECPublicKey()));
        SecretKeySpec secret = new SecretKeySpec(new byte[32], "HmacSHA256");
        assertThat(factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.HS256), secret)).isInstanceOf(MACVerifier.class);
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> factory.createJWSVerifier(new JWSHeader(JWSAlgorithm.ES256), p384.toECPublicKey()))
                .isInstanceOf(JOSEException.class);
        assertThat(new MACSigner(new byte[32]).supportedJWSAlgorithms()).contains(JWSAlgorithm.HS256);
    }

    private static JWSObject jdkSigned(ECKey key, String payload) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(payload));
        jws.sign(new ECDSASigner(key));
        return jws;
    }

    private static JWSObject withSignature(JWSObject jws, byte[] signature) throws Exception {
        String[] parts = jws.serialize().split("\\.");
        return JWSObject.parse(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature));
    }
}
