package org.goldenthread.federation.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldenthread.federation.grant.TestGrants.AGENCY;
import static org.goldenthread.federation.grant.TestGrants.SUBJECT;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.federation.grant.GrantRejectedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GrantVerifier#forJwksUri}: keys fetched over HTTP, cached, refreshed on an unknown key id. */
class GrantVerifierJwksTest {

    /** What consent-service publishes at /.well-known/jwks.json; tests add keys to rotate. */
    final List<JWK> published = new CopyOnWriteArrayList<>();
    final AtomicInteger fetches = new AtomicInteger();
    HttpServer server;
    GrantVerifier verifier;

    @BeforeEach
    void serveJwks() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(List.copyOf(published)).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI jwks = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        verifier = GrantVerifier.forJwksUri(AGENCY, jwks, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String grantSignedWith(ECKey key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return TestGrants.sign(GrantClaims.toClaims(TestGrants.grant(now, Duration.ofSeconds(60))), key);
    }

    @Test
    void acceptsAGrantSignedWithANewKeyAddedAfterTheSetWasCached() throws GrantRejectedException {
        ECKey first = TestGrants.newKey("consent-2026-01");
        published.add(first.toPublicJWK());

        assertThat(verifier.verify(grantSignedWith(first), SUBJECT).id()).isEqualTo("decision-42.housing");
        assertThat(verifier.verify(grantSignedWith(first), SUBJECT).id()).isEqualTo("decision-42.housing");
        assertThat(fetches).as("the key set is cached").hasValue(1);

        ECKey second = TestGrants.newKey("consent-2026-02");
        published.add(0, second.toPublicJWK());

        assertThat(verifier.verify(grantSignedWith(second), SUBJECT).id()).isEqualTo("decision-42.housing");
        assertThat(fetches).as("an unknown key id refreshed the set").hasValue(2);
        assertThat(verifier.verify(grantSignedWith(first), SUBJECT).id()).as("the old key still verifies")
                .isEqualTo("decision-42.housing");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void refusesAKeyIdThatIsNotPublishedEvenAfterARefresh() {
        published.add(TestGrants.newKey("consent-2026-01").toPublicJWK());

        assertThatThrownBy(() -> verifier.verify(grantSignedWith(TestGrants.newKey("rogue")), SUBJECT))
                .isInstanceOfSatisfying(GrantRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        assertThat(fetches.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void refusesEverythingWhenTheKeySetCannotBeFetched() {
        ECKey key = TestGrants.newKey("consent-2026-01");
        published.add(key.toPublicJWK());
        server.stop(0);

        assertThatThrownBy(() -> verifier.verify(grantSignedWith(key), SUBJECT))
                .isInstanceOfSatisfying(GrantRejectedException.class,
                        e -> assertThat(e.reason().unauthenticated()).isTrue());
    }
}
