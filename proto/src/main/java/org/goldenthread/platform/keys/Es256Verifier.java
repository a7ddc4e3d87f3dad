package org.goldenthread.platform.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ES256 verification for Nimbus JOSE on Bouncy Castle's dedicated P-256 arithmetic: the
 * counterpart of {@link Es256Signer}, for the places that verify on every call (a node checking
 * each grant, a service checking each access token). On JDK 17 SunEC's generic arithmetic takes
 * several times as long for the same answer.
 *
 * <p>Refuses what Nimbus's own {@code ECDSAVerifier} refuses: a signature that is not exactly R and
 * S of 32 bytes each, R or S outside 1..n-1 (Bouncy Castle's check; no "psychic" all-zero
 * signatures), a public key not on the curve, and any {@code crit} header parameter (none is
 * understood here).
 */
public final class Es256Verifier implements JWSVerifier {

    private static final int HALF = 32;

    private final ECPublicKeyParameters key;
    private final JCAContext jca = new JCAContext();

    /** @throws IllegalArgumentException when the key is not a point of P-256 */
    public Es256Verifier(ECPublicKey key) {
        ECPoint point;
        try {
            point = Es256Signer.DOMAIN.validatePublicPoint(Es256Signer.DOMAIN.getCurve().createPoint(
                    key.getW().getAffineX(), key.getW().getAffineY()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
        if (!key.getParams().getOrder().equals(Es256Signer.DOMAIN.getN())) {
            throw new IllegalArgumentException("not a P-256 public key");
        }
        this.key = new ECPublicKeyParameters(point, Es256Signer.DOMAIN);
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("this verifier checks ES256 signatures only, not " + header.getAlgorithm());
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return false;
        }
        byte[] rs = signature.decode();
        if (rs.length != 2 * HALF) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, HALF));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, HALF, 2 * HALF));
        ECDSASigner ecdsa = new ECDSASigner();
        ecdsa.init(false, key);
        // Refuses R or S outside 1..n-1 before any arithmetic.
        return ecdsa.verifySignature(Es256Signer.sha256(signingInput), r, s);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }

    /**
     * Nimbus's default verifier factory, with ES256 on P-256 keys verified here. The verifier for a
     * key is kept (keys are few: a service's current and not yet retired ones).
     */
    public static final class Factory extends DefaultJWSVerifierFactory {

        private static final int MAX_KEYS = 64;

        private final Map<ECPublicKey, Es256Verifier> verifiers = new ConcurrentHashMap<>();

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !(key instanceof ECPublicKey ec)) {
                return super.createJWSVerifier(header, key);
            }
            if (verifiers.size() > MAX_KEYS) {
                verifiers.clear();
            }
            try {
                return verifiers.computeIfAbsent(ec, Es256Verifier::new);
            } catch (IllegalArgumentException e) {
                throw new JOSEException("the key for " + header.getAlgorithm() + " is not a P-256 key", e);
            }
        }
    }
}
