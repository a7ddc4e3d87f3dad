package org.goldenthread.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * The Bouncy Castle signer makes signatures the JDK's own verifier (SunEC, through Nimbus's
 * {@code ECDSAVerifier}) accepts, for fresh keys and any payload, and only for the key and bytes signed.
 */
class Es256SignerTest {

    @Property(tries = 200)
    void theJdkVerifierAcceptsItsSignatures(@ForAll @StringLength(max = 2000) String payload) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        JWSObject jws = signed(key, payload);

        assertThat(jws.getSignature().decode()).hasSize(64);
        JWSObject parsed = JWSObject.parse(jws.serialize());
        assertThat(parsed.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(parsed.getPayload().toString()).isEqualTo(payload);
    }

    @Property(tries = 50)
    void aChangedPayloadOrAnotherKeyIsRefused(@ForAll @StringLength(min = 1, max = 200) String payload)
            throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        String[] parts = signed(key, payload).serialize().split("\\.");
        String tampered = parts[0] + "." + new Payload(payload + "!").toBase64URL() + "." + parts[2];

        assertThat(JWSObject.parse(tampered).verify(new ECDSAVerifier(key.toPublicJWK()))).isFalse();
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        assertThat(signed(key, payload).verify(new ECDSAVerifier(other.toPublicJWK()))).isFalse();
    }

    @Property(tries = 20)
    void theSameKeyAndBytesGiveTheSameSignature(@ForAll @StringLength(max = 100) String payload) throws Exception {
        // RFC 6979: the nonce comes from the key and the message, never from a random source that could be weak.
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();

        assertThat(signed(key, payload).serialize()).isEqualTo(signed(key, payload).serialize());
    }

    @Property(tries = 1)
    void refusesWhatIsNotAPrivateP256KeyOrNotEs256() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        assertThatThrownBy(() -> new Es256Signer(key.toPublicJWK())).isInstanceOf(IllegalArgumentException.class);
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("k").generate();
        assertThatThrownBy(() -> new Es256Signer(p384)).isInstanceOf(IllegalArgumentException.class);

        JWSObject es384 = new JWSObject(new JWSHeader(JWSAlgorithm.ES384), new Payload("x"));
        assertThatThrownBy(() -> es384.sign(new Es256Signer(key))).isInstanceOf(JOSEException.class);
    }

    private static JWSObject signed(ECKey key, String payload) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(payload));
        jws.sign(new Es256Signer(key));
        return jws;
    }
}
