package org.goldenthread.consent.web;

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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for identity-service: signs user access tokens and serves their JWKS on loopback, and the agency
 * registry consent-service reads ({@link #DEMO_REGISTRY} unless a test sets another).
 */
final class TestIdentity implements AutoCloseable {

    /**
     * The demo's agencies, none marking anything: tests about the registry's marks ({@code InvolvementDecisionsTest},
     * {@code ConsentReviewsTest}) set their own.
     */
    static final String DEMO_REGISTRY = "[" + String.join(",",
            agency("council", "[]", "[]"), agency("police", "[]", "[]"), agency("housing", "[]", "[]"),
            agency("mentalhealth", "[]", "[]"), agency("employment", "[]", "[]")) + "]";

    /** The demo's agencies as the demo registers them: the mental-health trust's involvement is health data. */
    static final String TRUST_MARKED_REGISTRY = DEMO_REGISTRY.replace(
            agency("mentalhealth", "[]", "[]"), agency("mentalhealth", "[]", "[\"HEALTH_MENTAL\"]"));

    private final ECKey key;
    private final HttpServer server;
    private final AtomicReference<String> registry = new AtomicReference<>(DEMO_REGISTRY);

    private TestIdentity(ECKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    static TestIdentity start() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        TestIdentity identity = new TestIdentity(key, server);
        server.createContext("/api/identity/agencies", exchange -> {
            byte[] body = identity.registry.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return identity;
    }

    /** One registry entry as identity-service lists it (the fields consent-service reads, and a few it ignores). */
    static String agency(String id, String sensitiveCategories, String involvementReveals) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"grpcTarget\":null,\"categories\":[],"
                + "\"status\":\"ACTIVE\",\"sensitiveCategories\":" + sensitiveCategories
                + ",\"involvementReveals\":" + involvementReveals + "}";
    }

    /** Serves {@code json} as the registry from now on; consent-service sees it at its next refresh. */
    void registry(String json) {
        registry.set(json);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An access token as identity-service issues it. */
    String token(String user, String agency, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(url()).subject(user).audience(List.of("golden-thread"))
                .claim("agency", agency).claim("roles", List.of(roles)).claim("name", "Test " + user)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
