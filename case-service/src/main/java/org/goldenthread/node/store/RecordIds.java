package org.goldenthread.node.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New record ids: UUID version 7 (RFC 9562), a millisecond timestamp then 74 random bits. Why not
 * random (version 4) ids: every store here is a B-tree keyed by {@code _id}; random keys land on a
 * random leaf each, so a stream of inserts dirties leaves all over the tree and each commit of the
 * embedded store (append-only H2 MVStore) rewrites them all: about 6× the live data written and
 * left dead in the file, and the same churn in a real MongoDB's cache. Time-ordered ids append to
 * the right edge. Ids stay opaque to everyone else; they reveal only a record's creation time,
 * which the record's own timestamps carry anyway.
 */
public final class RecordIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordIds() {
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long randB = RANDOM.nextLong();
        long most = millis << 16 | 0x7000L | randA;
        long least = randB & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }
}
