package org.goldenthread.node;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.GrantClaims;

/**
 * Stand-ins for identity-service and consent-service in tests: each has an EC key whose JWKS is
 * served from a JDK HttpServer on loopback, under {@link #identityUrl()} and {@link #consentUrl()}.
 */
public final class TestIssuers implements AutoCloseable {

    private final ECKey identityKey = newKey();
    private final ECKey consentKey = newKey();
    private final HttpServer server;

    public TestIssuers() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serve("/identity/.well-known/jwks.json", identityKey);
        serve("/consent/.well-known/jwks.json", consentKey);
        server.start();
    }

    public String identityUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/identity";
    }

    public String consentUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/consent";
    }

    /** A user access token as identity-service issues it. */
    public String userToken(String agency, String name, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(identityUrl())
                .subject(name.toLowerCase().replace(' ', '.'))
                .audience(List.of("golden-thread"))
                .claim("agency", agency)
                .claim("roles", List.of(roles))
                .claim("name", name)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return sign(identityKey, "at+jwt", claims);
    }

    /** A grant signed by the consent key the node trusts. */
    public String grant(AccessGrant grant) {
        return sign(consentKey, GrantClaims.TYPE, GrantClaims.toClaims(grant));
    }

    /** Any claims, signed by the consent key the node trusts (for grants consent-service would never issue). */
    public String signedByConsent(JWTClaimsSet claims) {
        return sign(consentKey, GrantClaims.TYPE, claims);
    }

    /** A grant signed with a key the consent JWKS does not hold, under the genuine key id. */
    public String forgedGrant(AccessGrant grant) {
        ECKey impostor;
        try {
            impostor = new ECKeyGenerator(Curve.P_256).keyID(consentKey.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return sign(impostor, GrantClaims.TYPE, GrantClaims.toClaims(grant));
    }

    private void serve(String path, ECKey key) {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static String sign(ECKey key, String type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(new JOSEObjectType(type)).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
