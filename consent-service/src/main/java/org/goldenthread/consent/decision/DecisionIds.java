package org.goldenthread.consent.decision;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Decision ids (also the grant's {@code jti}): RFC 9562 version 7 UUIDs, a millisecond timestamp
 * followed by 74 random bits. Unique and unguessable like version 4, but in time order — which is
 * what keeps the decision log cheap to append to. Both stores keep {@code _id} in a B-tree: with
 * random ids every insert lands on (and dirties) a different page, and the embedded store rewrites
 * every dirty page in full at each background commit and evicts its page cache doing it; ordered
 * ids append to the same right-most pages.
 */
final class DecisionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DecisionIds() {
    }

    static String next(Instant now) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low).toString();
    }
}
