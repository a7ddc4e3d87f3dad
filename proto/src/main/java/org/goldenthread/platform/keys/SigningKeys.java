package org.goldenthread.platform.keys;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * A service's ES256 signing keys, kept in its own database so tokens stay verifiable across
 * restarts. The newest key signs; every key not yet retired stays in the published JWKS, so
 * rotating never breaks a token in flight (verifiers refresh their JWKS on an unknown key id).
 *
 * <p>The private keys sit in the service's database. A production deployment with a KMS or HSM
 * would replace this class; the JWKS contract stays the same.
 */
public final class SigningKeys {

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private volatile Loaded loaded;

    /** The keys newest first and the newest one's signer (made once per reload, not per signature), swapped together. */
    private record Loaded(List<ECKey> keys, Es256Signer signer) {
    }

    public SigningKeys(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection("signing_keys");
        this.clock = clock;
        reload();
        if (loaded.keys().isEmpty()) {
            rotate();
        }
    }

    /** Creates a new signing key; older keys stay published until retired. */
    public synchronized ECKey rotate() {
        // "The newest key signs" needs a strict order: never date a key at or before the newest one
        // (a coarse or fixed clock would otherwise leave the order of equal dates to the store).
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Document newest = keys.find().sort(Sorts.descending("createdAt")).first();
        if (newest != null && !createdAt.isAfter(newest.getDate("createdAt").toInstant())) {
            createdAt = newest.getDate("createdAt").toInstant().plusMillis(1);
        }
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(createdAt))
                    .generate();
            keys.insertOne(new Document("_id", key.getKeyID())
                    .append("jwk", key.toJSONString())
                    .append("createdAt", Date.from(createdAt))
                    .append("retired", false));
            reload();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    /** The public keys verifiers need, newest first. */
    public JWKSet publicJwks() {
        return new JWKSet(new ArrayList<>(loaded.keys().stream().map(ECKey::toPublicJWK).toList()));
    }

    /** Signs the claims with the newest key, typed with {@code type} (e.g. "at+jwt"). */
    public String sign(JWTClaimsSet claims, String type) {
        Loaded now = loaded;
        ECKey current = now.keys().get(0);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .keyID(current.getKeyID())
                    .type(new JOSEObjectType(type))
                    .build(), claims);
            jwt.sign(now.signer());
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + current.getKeyID(), e);
        }
    }

    private synchronized void reload() {
        List<ECKey> found = new ArrayList<>();
        for (Document doc : keys.find(new Document("retired", false)).sort(Sorts.descending("createdAt"))) {
            try {
                found.add(ECKey.parse(doc.getString("jwk")));
            } catch (ParseException e) {
                throw new IllegalStateException("signing key " + doc.get("_id") + " is corrupt", e);
            }
        }
        loaded = new Loaded(List.copyOf(found), found.isEmpty() ? null : new Es256Signer(found.get(0)));
    }
}
