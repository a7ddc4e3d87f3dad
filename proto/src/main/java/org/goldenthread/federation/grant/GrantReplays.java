package org.goldenthread.federation.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.goldenthread.federation.grant.GrantRejectedException.Reason;

/**
 * The grants a node has honoured, per operation, kept until they could no longer verify anyway
 * (expiry plus the allowed clock skew): a grant is used once for each operation, so one captured
 * in transit or from a log buys nothing. Bounded: when full of live entries it refuses new grants
 * (fails closed) rather than forgetting any. In memory, so per node process; several replicas of one
 * node need a shared store for it (see the case-service README).
 */
public final class GrantReplays {

    private final Map<String, Instant> honoured = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;
    private final AtomicLong nextSweep = new AtomicLong();

    public GrantReplays(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the replay cache needs room for at least one grant");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Records the grant's first use for {@code operation}; refuses a second one, and any when full. */
    public void admit(AccessGrant grant, String operation) throws GrantRejectedException {
        Instant now = clock.instant();
        sweep(now);
        if (honoured.size() >= capacity) {
            sweep(now, true);
            if (honoured.size() >= capacity) {
                throw new GrantRejectedException(Reason.REPLAY_CACHE_FULL,
                        "the node is holding too many live grants; ask again shortly");
            }
        }
        Instant forgetAt = grant.expiresAt().plus(GrantVerifier.CLOCK_SKEW);
        if (honoured.putIfAbsent(key(grant.id(), operation), forgetAt) != null) {
            throw new GrantRejectedException(Reason.REPLAYED, "this access grant was already used for " + operation);
        }
    }

    /** True when the grant was honoured for {@code operation} and is still remembered. */
    public boolean honoured(String grantId, String operation) {
        Instant until = honoured.get(key(grantId, operation));
        return until != null && !clock.instant().isAfter(until);
    }

    /** Live entries held. */
    public int size() {
        return honoured.size();
    }

    private void sweep(Instant now) {
        sweep(now, false);
    }

    private void sweep(Instant now, boolean force) {
        long due = nextSweep.get();
        if (!force && now.toEpochMilli() < due) {
            return;
        }
        if (nextSweep.compareAndSet(due, now.toEpochMilli() + 1000) || force) {
            honoured.values().removeIf(until -> now.isAfter(until));
        }
    }

    private static String key(String grantId, String operation) {
        return operation + '\u0000' + grantId;
    }
}
