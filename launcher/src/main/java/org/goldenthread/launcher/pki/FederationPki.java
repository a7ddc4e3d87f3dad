package org.goldenthread.launcher.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The local federation's certificate authority, made on first start under
 * {@code data/federation/pki/}: a CA, the gateway's client certificate, and one server
 * certificate per node (EC P-256, SAN 127.0.0.1 and localhost), as PEM files gRPC reads
 * directly. Production federations issue these from their own CA (cert-manager in k8s/); this
 * is the launcher's stand-in, so that even the local federation runs mutual TLS.
 */
public final class FederationPki {

    private static final Duration CA_LIFETIME = Duration.ofDays(5 * 365);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(365);

    private final Path directory;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private FederationPki(Path directory, KeyPair caKeys, X509Certificate ca) {
        this.directory = directory;
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** Loads the CA from {@code dataDir}, or makes it. */
    public static FederationPki loadOrCreate(Path dataDir) {
        Path directory = dataDir.resolve("federation").resolve("pki");
        try {
            Files.createDirectories(directory);
            Path caCert = directory.resolve("ca.crt");
            Path caKey = directory.resolve("ca.key");
            if (Files.exists(caCert) && Files.exists(caKey)) {
                return new FederationPki(directory, Pem.readKeyPair(caKey), Pem.readCertificate(caCert));
            }
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=Golden Thread local federation CA");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), notBefore(),
                    Date.from(Instant.now().plus(CA_LIFETIME)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            write(caKey, keys.getPrivate());
            write(caCert, certificate);
            return new FederationPki(directory, keys, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local federation CA in " + directory, e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create the local federation CA", e);
        }
    }

    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    /** The gateway's client certificate (made once). */
    public Issued gateway() {
        return issue("gateway", KeyPurposeId.id_kp_clientAuth);
    }

    /**
     * A client certificate for another name (made once): a second hub, a tool, or a test's
     * intruder; nodes accept only the gateway's name.
     */
    public Issued client(String name) {
        return issue(name, KeyPurposeId.id_kp_clientAuth);
    }

    /** A node's server certificate (made once per agency). */
    public Issued node(String agency) {
        return issue("node-" + agency, KeyPurposeId.id_kp_serverAuth);
    }

    private Issued issue(String name, KeyPurposeId purpose) {
        Path certificate = directory.resolve(name + ".crt");
        Path key = directory.resolve(name + ".key");
        try {
            if (!Files.exists(certificate) || !Files.exists(key)) {
                KeyPair keys = newKeyPair();
                JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), notBefore(),
                        Date.from(Instant.now().plus(LEAF_LIFETIME)), new X500Name("CN=" + name), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")}))
                        .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca))
                        .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
                write(key, keys.getPrivate());
                write(certificate, sign(builder, caKeys.getPrivate()));
            }
            return new Issued(certificate, key, fingerprint(Pem.readCertificate(certificate)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot issue the certificate of " + name, e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the certificate of " + name, e);
        }
    }

    /** SHA-256 of the certificate's DER encoding, lower-case hex: what the registry pins. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuer)
            throws org.bouncycastle.operator.OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(128, new SecureRandom());
    }

    private static Date notBefore() {
        // A minute of slack for clocks that disagree slightly.
        return Date.from(Instant.now().minus(Duration.ofMinutes(1)));
    }

    private static void write(Path file, Object pem) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (pem instanceof PrivateKey key) {
                PemObject pkcs8 = new JcaPKCS8Generator(key, null).generate();
                writer.writeObject(pkcs8);
            } else {
                writer.writeObject(pem);
            }
        }
        Files.writeString(file, text.toString());
        if (pem instanceof PrivateKey) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies.
            }
        }
    }

    /** A certificate and its key, as PEM files, and the certificate's pin. */
    public record Issued(Path certificate, Path privateKey, String fingerprint) {
    }

    /** Reading back what this class wrote. */
    static final class Pem {

        private Pem() {
        }

        static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
            try (var in = Files.newInputStream(file)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
        }

        static KeyPair readKeyPair(Path keyFile) throws IOException {
            try (var reader = new org.bouncycastle.openssl.PEMParser(Files.newBufferedReader(keyFile))) {
                Object parsed = reader.readObject();
                var converter = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter();
                PrivateKey privateKey = converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) parsed);
                X509Certificate ca = readCertificate(keyFile.resolveSibling("ca.crt"));
                return new KeyPair(ca.getPublicKey(), privateKey);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot read the CA certificate beside " + keyFile, e);
            }
        }
    }
}
