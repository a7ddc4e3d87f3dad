package org.goldenthread.identity.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password, with lockout: after {@code max-failures} consecutive failures
 * the account refuses every password, the right one included, until the lock expires. The caller
 * learns only "accepted" or "not": unknown user, wrong password and locked account are one answer
 * and cost the same hashing effort, so neither the answer nor its timing tells whether an account
 * exists (OWASP Authentication Cheat Sheet, "authentication responses").
 */
@Component
public class PasswordLogin {

    private static final Logger log = LoggerFactory.getLogger(PasswordLogin.class);

    private final MongoCollection<Document> users;
    private final PasswordHashing hashing;
    private final LockoutProperties lockout;
    private final SecondFactor secondFactor;
    private final Clock clock;

    PasswordLogin(UserDirectory directory, PasswordHashing hashing, LockoutProperties lockout, SecondFactor secondFactor,
            Clock clock) {
        this.users = directory.collection();
        this.secondFactor = secondFactor;
        this.hashing = hashing;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** The user when the password is right and the account is not locked; otherwise empty. */
    public Optional<UserView> authenticate(String username, String password) {
        return authenticate(username, password, null);
    }

    /**
     * The user when the password is right, the account is neither locked nor disabled and, for a
     * user with a second factor, {@code code} is a current one-time code or an unused recovery
     * code; otherwise empty, whichever of these failed.
     */
    public Optional<UserView> authenticate(String username, String password, String code) {
        String id = UserDirectory.normalise(username);
        Document user = users.find(Filters.eq("_id", id)).first();
        if (user == null) {
            hashing.burn(password);
            return Optional.empty();
        }
        boolean matches = hashing.matches(password, user.getString("passwordHash"));
        Date lockedUntil = user.getDate("lockedUntil");
        Instant now = clock.instant();
        if (lockedUntil != null && now.isBefore(lockedUntil.toInstant())) {
            // Attempts while locked neither extend the lock nor count towards the next one.
            return Optional.empty();
        }
        if (matches && user.getBoolean("disabled", false)) {
            return Optional.empty();
        }
        if (matches && SecondFactor.enabled(user) && !secondFactor.accept(user, code)) {
            // A wrong or missing code counts like a wrong password, so six digits cannot be guessed
            // at leisure once the password is known; and the answer is the same as for one.
            recordFailure(id, now);
            return Optional.empty();
        }
        if (matches) {
            if (user.getInteger("failedAttempts", 0) != 0 || lockedUntil != null) {
                users.updateOne(Filters.eq("_id", id),
                        Updates.combine(Updates.set("failedAttempts", 0), Updates.set("lockedUntil", null)));
            }
            return Optional.of(UserDirectory.view(user));
        }
        recordFailure(id, now);
        return Optional.empty();
    }

    private void recordFailure(String id, Instant now) {
        // $inc keeps concurrent failures from overwriting each other's count.
        Document after = users.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("failedAttempts", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after != null && after.getInteger("failedAttempts", 0) >= lockout.maxFailures()) {
            users.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.set("failedAttempts", 0),
                    Updates.set("lockedUntil", Date.from(now.plus(lockout.duration())))));
            // The username is the account's id in this service, not personal data about a subject.
            log.warn("account {} locked for {} after {} consecutive failed logins", id, lockout.duration(),
                    lockout.maxFailures());
        }
    }
}
