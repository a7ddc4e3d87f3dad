package org.goldenthread.gateway.federation;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a node's certificate only if the federation CA signed it AND, where the registry pins a
 * fingerprint for the agency, it is exactly that certificate: a certificate the CA issued to
 * another node cannot stand in for this one.
 */
final class PinningTrustManager implements X509TrustManager {

    private final X509TrustManager federationCa;
    private final String pin;

    /** @param pin SHA-256 of the node certificate's DER, hex (colons allowed); null = CA check only */
    PinningTrustManager(X509TrustManager federationCa, String pin) {
        this.federationCa = federationCa;
        this.pin = pin == null ? null : pin.replace(":", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        federationCa.checkServerTrusted(chain, authType);
        if (pin != null && !pin.equals(fingerprint(chain[0]))) {
            throw new CertificateException("the node's certificate is not the one pinned in the agency registry");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the gateway only acts as a TLS client to nodes");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return federationCa.getAcceptedIssuers();
    }

    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot fingerprint the node's certificate", e);
        }
    }
}
