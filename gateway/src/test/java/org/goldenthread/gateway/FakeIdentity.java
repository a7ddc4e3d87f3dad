package org.goldenthread.gateway;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for identity-service in the gateway's own tests: publishes a JWKS and an agency
 * registry over real HTTP on loopback, and signs access tokens the way identity-service does.
 * (The launcher's end-to-end test runs the real identity-service.)
 */
final class FakeIdentity implements AutoCloseable {

    private final ECKey key;
    private final HttpServer server;
    private volatile String registryJson = "[]";
    private final AtomicInteger logins = new AtomicInteger();
    private volatile String lastForwardedFor;
    private volatile String lastCookie;

    FakeIdentity() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/api/identity/agencies", exchange -> respond(exchange, registryJson));
        server.createContext("/api/identity/login", exchange -> {
            logins.incrementAndGet();
            lastForwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
            lastCookie = String.valueOf(exchange.getRequestHeaders().get("Cookie"));
            respond(exchange, "{\"access_token\":\"stand-in\",\"token_type\":\"Bearer\",\"expires_in\":900}");
        });
        server.start();
    }

    /** How many sign-ins reached this stand-in. */
    int logins() {
        return logins.get();
    }

    /** The {@code Cookie} headers the last sign-in arrived with ({@code "null"} when none). */
    String lastCookie() {
        return lastCookie;
    }

    /** The {@code X-Forwarded-For} the last sign-in arrived with. */
    String lastForwardedFor() {
        return lastForwardedFor;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void registry(String json) {
        registryJson = json;
    }

    String token(String user, String agency, List<String> roles) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(url()).subject(user).audience("golden-thread")
                .claim("agency", agency).claim("roles", roles).claim("name", "Test User")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
