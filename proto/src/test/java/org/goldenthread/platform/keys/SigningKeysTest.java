package org.goldenthread.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.goldenthread.platform.store.EmbeddedMongoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder().issuer("test-issuer").subject("user-7").build();

    @TempDir
    static Path dir;
    static EmbeddedMongoStore store;
    static MongoClient client;
    MongoDatabase database;

    @BeforeAll
    static void startStore() {
        store = new EmbeddedMongoStore(dir);
        client = MongoClients.create(store.connectionString());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase(TestInfo test) {
        database = client.getDatabase("keys_" + test.getTestMethod().orElseThrow().getName());
    }

    /** True when {@code token} verifies against a key of {@code jwks} with the token's kid. */
    static boolean verifies(String token, JWKSet jwks) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new ECDSAVerifier(key.toECKey()));
    }

    @Test
    void signsTokensThatVerifyAgainstThePublishedKeys() throws Exception {
        SigningKeys keys = new SigningKeys(database, CLOCK);
        String token = keys.sign(CLAIMS, "at+jwt");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user-7");
        assertThat(verifies(token, keys.publicJwks())).isTrue();
    }

    @Test
    void publishesNoPrivateKey() {
        SigningKeys keys = new SigningKeys(database, CLOCK);
        keys.rotate();
        assertThat(keys.publicJwks().getKeys()).hasSize(2).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(keys.publicJwks().toString()).doesNotContain("\"d\"");
    }

    @Test
    void afterRotationTheNewKeySignsAndTheOldKeyStaysPublished() throws Exception {
        SigningKeys keys = new SigningKeys(database, CLOCK);
        String oldToken = keys.sign(CLAIMS, "JWT");
        String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();

        ECKey fresh = keys.rotate();
        String newToken = keys.sign(CLAIMS, "JWT");

        assertThat(fresh.getKeyID()).isNotEqualTo(oldKid);
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(fresh.getKeyID());
        JWKSet published = keys.publicJwks();
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(fresh.getKeyID(), oldKid);
        assertThat(verifies(oldToken, published)).isTrue();
        assertThat(verifies(newToken, published)).isTrue();
    }

    @Test
    void eachRotationMakesTheNewestKeyTheSigner() throws Exception {
        SigningKeys keys = new SigningKeys(database, CLOCK);
        for (int i = 0; i < 3; i++) {
            ECKey fresh = keys.rotate();
            assertThat(SignedJWT.parse(keys.sign(CLAIMS, "JWT")).getHeader().getKeyID()).isEqualTo(fresh.getKeyID());
        }
        assertThat(keys.publicJwks().getKeys()).hasSize(4);
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseReusesTheStoredKeys() throws Exception {
        SigningKeys first = new SigningKeys(database, CLOCK);
        first.rotate();
        String token = first.sign(CLAIMS, "JWT");

        SigningKeys second = new SigningKeys(database, CLOCK);

        assertThat(second.publicJwks().toString()).isEqualTo(first.publicJwks().toString());
        String again = second.sign(CLAIMS, "JWT");
        assertThat(SignedJWT.parse(again).getHeader().getKeyID()).isEqualTo(SignedJWT.parse(token).getHeader().getKeyID());
        assertThat(verifies(token, second.publicJwks())).isTrue();
        assertThat(database.getCollection("signing_keys").countDocuments()).isEqualTo(2);
    }

    @Test
    void keysSurviveARestartOfTheStore(@TempDir Path own) throws Exception {
        String token;
        try (EmbeddedMongoStore first = new EmbeddedMongoStore(own);
             MongoClient c = MongoClients.create(first.connectionString())) {
            token = new SigningKeys(c.getDatabase("identity"), CLOCK).sign(CLAIMS, "at+jwt");
        }
        try (EmbeddedMongoStore again = new EmbeddedMongoStore(own);
             MongoClient c = MongoClients.create(again.connectionString())) {
            assertThat(verifies(token, new SigningKeys(c.getDatabase("identity"), CLOCK).publicJwks())).isTrue();
        }
    }
}
