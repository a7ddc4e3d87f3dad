package org.goldenthread.identity.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.goldenthread.identity.signin.SignInAudit;
import org.goldenthread.identity.signin.SignInOutcome;
import org.goldenthread.identity.signin.SignInThrottle;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password (and a second factor where the user has one), throttled by
 * account and by source instead of locked, and audited whatever the outcome.
 *
 * <p>The caller learns only "accepted", "refused" or "wait": unknown user, wrong password, disabled
 * account and bad code are one refusal, and an unknown user costs a hash verification against a
 * decoy with the current parameters, so neither the answer nor its timing tells whether an account
 * exists (OWASP Authentication Cheat Sheet, "authentication responses"). A wait is decided before
 * any hashing, the same way for known and unknown names, and refuses the right password too.
 */
@Component
public class PasswordLogin {

    private final MongoCollection<Document> users;
    private final PasswordHashing hashing;
    private final SecondFactor secondFactor;
    private final SignInThrottle throttle;
    private final SignInAudit audit;

    PasswordLogin(UserDirectory directory, PasswordHashing hashing, SecondFactor secondFactor, SignInThrottle throttle,
            SignInAudit audit) {
        this.users = directory.collection();
        this.hashing = hashing;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.audit = audit;
    }

    public SignInResult signIn(SignInAttempt attempt) {
        String id = UserDirectory.normalise(attempt.username());
        Document user = users.find(Filters.eq("_id", id)).first();
        String account = user == null ? null : id;
        String agency = user == null ? null : user.getString("agency");
        Optional<Duration> wait = throttle.admit(id, attempt.source());
        if (wait.isPresent()) {
            audit.record(SignInOutcome.THROTTLED, account, agency, attempt.channel(), attempt.source());
            return new SignInResult.Throttled(wait.get());
        }
        SignInOutcome outcome = check(user, attempt);
        audit.record(outcome, account, agency, attempt.channel(), attempt.source());
        if (outcome != SignInOutcome.SUCCESS) {
            throttle.failed(id, attempt.source());
            return new SignInResult.Refused();
        }
        throttle.succeeded(id);
        return new SignInResult.Accepted(UserDirectory.view(user));
    }

    private SignInOutcome check(Document user, SignInAttempt attempt) {
        String password = attempt.password() == null ? "" : attempt.password();
        if (user == null) {
            hashing.burn(password);
            return SignInOutcome.UNKNOWN_ACCOUNT;
        }
        String hash = user.getString("passwordHash");
        if (!hashing.matches(password, hash)) {
            return SignInOutcome.WRONG_PASSWORD;
        }
        if (user.getBoolean("disabled", false)) {
            return SignInOutcome.DISABLED;
        }
        // A wrong or missing code counts like a wrong password, so six digits cannot be guessed at
        // leisure once the password is known; and the answer is the same as for one.
        if (SecondFactor.enabled(user) && !secondFactor.accept(user, attempt.code())) {
            return SignInOutcome.SECOND_FACTOR_FAILED;
        }
        if (hashing.needsUpgrade(hash)) {
            // Only now is the plain password at hand. Conditional on the old hash, so a password an
            // administrator set meanwhile is never overwritten with this one.
            users.updateOne(Filters.and(Filters.eq("_id", user.getString("_id")), Filters.eq("passwordHash", hash)),
                    Updates.set("passwordHash", hashing.hash(password)));
        }
        return SignInOutcome.SUCCESS;
    }
}
