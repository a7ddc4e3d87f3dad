package org.goldenthread.identity.signin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Failure counts per username and per source address in {@code sign_in_throttle}, and the wait they
 * impose. A wait is answered at once (no thread sleeps), refuses the right password too (so a
 * guess during it learns nothing) and ends by itself: unlike a lock, what a stranger can do to a
 * user is bounded by {@code max-delay}.
 *
 * <p>Unknown usernames are counted like known ones, or the first wait would tell which exist.
 * Documents are keyed by a SHA-256 of the name, so neither typed usernames (sometimes a password
 * typed in the wrong box) nor addresses are stored here in clear. Counting is {@code $inc}, so
 * concurrent failures do not overwrite each other; the store is shared, so every replica counts.
 */
@Component
public class SignInThrottle {

    private final MongoCollection<Document> counts;
    private final SignInProperties properties;
    private final Clock clock;

    SignInThrottle(MongoDatabase database, SignInProperties properties, Clock clock) {
        this.counts = database.getCollection("sign_in_throttle");
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Admits an attempt or says how long to wait. Once an account has failed, its attempts go one
     * at a time: the admitted one holds a lease ({@code in-flight-lease}, ended by its outcome)
     * and any other meanwhile is told to wait, so a burst of parallel guesses cannot all slip in
     * before the first failure is counted. An account with no failures is not serialised, so many
     * parallel sign-ins of a user who never fails (scripts, tests) are never refused.
     */
    public Optional<Duration> admit(String account, String source) {
        Optional<Duration> wait = pending(account, source);
        if (wait.isPresent()) {
            return wait;
        }
        String id = key("account", account);
        Document doc = counts.find(Filters.eq("_id", id)).first();
        if (doc == null || doc.getInteger("failures", 0) == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long taken = counts.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.or(Filters.eq("leaseUntil", null), Filters.lte("leaseUntil", Date.from(now)))),
                Updates.set("leaseUntil", Date.from(now.plus(properties.inFlightLease())))).getModifiedCount();
        // Another attempt is in flight: it will end within a hash's time, so a second is an honest wait.
        return taken == 1 ? Optional.empty() : Optional.of(Duration.ofSeconds(1));
    }

    /** How long before this account may be tried (from this source, when known); empty when no wait. */
    public Optional<Duration> pending(String account, String source) {
        Instant now = clock.instant();
        Duration wait = remaining(key("account", account), now);
        if (source != null) {
            wait = longer(wait, remaining(key("source", source), now));
        }
        return !wait.isNegative() && !wait.isZero() ? Optional.of(wait) : Optional.empty();
    }

    /** Counts a failure against the account and, when known, the source. */
    public void failed(String account, String source) {
        count(key("account", account), properties.accountFreeFailures());
        if (source != null) {
            count(key("source", source), properties.sourceFreeFailures());
        }
    }

    /**
     * Forgets the account's failures. The source's stay: one good account of their own must not let
     * someone wipe the count of the guesses they make at others.
     */
    public void succeeded(String account) {
        counts.deleteOne(Filters.eq("_id", key("account", account)));
    }

    private Duration remaining(String id, Instant now) {
        Document doc = counts.find(Filters.eq("_id", id)).first();
        if (doc == null || doc.getDate("waitUntil") == null) {
            return Duration.ZERO;
        }
        return Duration.between(now, doc.getDate("waitUntil").toInstant());
    }

    private void count(String id, int freeFailures) {
        Instant now = clock.instant();
        Document before = counts.findOneAndUpdate(Filters.eq("_id", id),
                Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailureAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        int failures;
        if (before == null || stale(before, now)) {
            failures = 1;
            counts.updateOne(Filters.eq("_id", id), Updates.set("failures", 1));
        } else {
            failures = before.getInteger("failures", 0) + 1;
        }
        Duration wait = Backoff.after(failures, freeFailures, properties.firstDelay(), properties.maxDelay());
        counts.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("leaseUntil", null),
                Updates.set("waitUntil", wait.isZero() ? null : Date.from(now.plus(wait)))));
    }

    private boolean stale(Document before, Instant now) {
        Date last = before.getDate("lastFailureAt");
        return last == null || last.toInstant().plus(properties.forgetAfter()).isBefore(now);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
