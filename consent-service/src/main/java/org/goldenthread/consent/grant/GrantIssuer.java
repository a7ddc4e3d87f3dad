package org.goldenthread.consent.grant;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.GrantClaims;
import org.goldenthread.platform.keys.SigningKeys;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;
import org.springframework.stereotype.Component;

/**
 * Signs access grants (compact JWS, ES256, typ {@value GrantClaims#TYPE}) with the newest signing key.
 *
 * <p>An ES256 signature is the largest piece of CPU work in a decision (an elliptic-curve scalar
 * multiplication, about half a millisecond on the build machine's JDK), and it does not depend on
 * the decision-log write that must precede the answer. {@link #signLater} therefore signs on a
 * small pool of its own, one thread per core (signing is pure CPU work), while the caller writes
 * the log: the two overlap instead of adding up.
 */
@Component
public class GrantIssuer implements AutoCloseable {

    /** The claim marking a grant for aggregate counts about nobody in particular. */
    public static final String AGGREGATE = "aggregate";

    private final SigningKeys keys;
    private final GrantProperties properties;
    private final ExecutorService signing;

    public GrantIssuer(SigningKeys keys, GrantProperties properties) {
        this.keys = keys;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        // Threads start with the first grant signed, so with sign-beside-log off the pool stays empty.
        this.signing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "grant-signing-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The grant's content, not yet signed.
     *
     * @param decisionId becomes the grant's {@code jti}
     * @param scopes per permitted agency (the grant's audience), its categories; must not be empty
     */
    public AccessGrant grantFor(String decisionId, String requester, String requesterAgency, Purpose purpose,
            String subjectDigest, Map<String, Set<DataCategory>> scopes, Map<String, LawfulBasis> bases, Instant now) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one permitted agency");
        }
        return new AccessGrant(decisionId, requester, requesterAgency, purpose, subjectDigest,
                scopes, bases, now, now.plus(properties.grantTtl()));
    }

    /**
     * The compact JWS, signed with whichever key is newest when the signing starts. A grant without a
     * subject digest (aggregate counts, OUTCOME_EVIDENCE) has no {@code subject} claim and carries
     * {@code "aggregate": true}: a verifier that requires a subject refuses it, and one that knows the
     * claim can confine it to aggregate queries.
     */
    public String sign(AccessGrant grant) {
        JWTClaimsSet claims = GrantClaims.toClaims(grant);
        if (grant.subjectDigest() == null) {
            claims = new JWTClaimsSet.Builder(claims).claim(AGGREGATE, true).build();
        }
        return keys.sign(claims, GrantClaims.TYPE);
    }

    /** {@link #sign} on the signing pool; already done when {@code sign-beside-log} is off. */
    public CompletableFuture<String> signLater(AccessGrant grant) {
        if (!properties.signBesideLog()) {
            return CompletableFuture.completedFuture(sign(grant));
        }
        return CompletableFuture.supplyAsync(() -> sign(grant), signing);
    }

    @Override
    public void close() {
        signing.shutdown();
    }
}
