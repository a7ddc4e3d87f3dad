package org.goldenthread.identity.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.identity.signin.SignInThrottle;
import org.springframework.stereotype.Component;

/**
 * Account administration on the {@code users} collection: create, list by agency, disable,
 * unlock, change roles, set a new password. Who may do what is decided by the caller
 * ({@code admin.UserAdministration}); every change here is one single-document update.
 */
@Component
public class UserAccounts {

    private final MongoCollection<Document> users;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final PasswordHashing hashing;
    private final Clock clock;
    private final SignInThrottle throttle;

    UserAccounts(UserDirectory directory, PasswordHashing hashing, Clock clock, SignInThrottle throttle) {
        this.users = directory.collection();
        this.hashing = hashing;
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * Creates a new user; empty when the username is taken.
     *
     * @throws InvalidUserException naming the field that breaks a rule
     */
    public Optional<UserAccount> create(String username, String displayName, String agency, Set<Role> roles,
            String password) {
        String id = UserDirectory.normalise(username);
        require(UserDirectory.USERNAME.matcher(id).matches(), "username",
                "2-64 characters: a-z, 0-9, '.', '_', '@', '-'");
        require(displayName != null && !displayName.isBlank() && displayName.length() <= 200, "displayName",
                "1-200 characters");
        require(agency != null && UserDirectory.AGENCY.matcher(agency).matches(), "agency",
                "must match " + UserDirectory.AGENCY.pattern());
        require(roles != null && !roles.isEmpty() && !roles.contains(null), "roles", "at least one role");
        checkPassword(password);
        Document doc = new Document("_id", id)
                .append("displayName", displayName.strip())
                .append("agency", agency)
                .append("roles", names(roles))
                .append("passwordHash", hashing.hash(password))
                .append("failedAttempts", 0)
                .append("lockedUntil", null)
                .append("disabled", false)
                .append("createdAt", Date.from(clock.instant()));
        try {
            users.insertOne(doc);
            return Optional.of(account(doc));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", UserDirectory.normalise(username))).first())
                .map(this::account);
    }

    /** The agency's users by username, at most {@code limit}. */
    public List<UserAccount> inAgency(String agency, int limit) {
        List<UserAccount> found = new ArrayList<>();
        for (Document doc : users.find(Filters.eq("agency", agency)).sort(Sorts.ascending("_id")).limit(limit)) {
            found.add(account(doc));
        }
        return found;
    }

    public Optional<UserAccount> setDisabled(String username, boolean disabled) {
        return update(username, Updates.set("disabled", disabled));
    }

    /** Ends the account's sign-in wait (there is no lock any more: failures only delay the next attempt). */
    public Optional<UserAccount> unlock(String username) {
        throttle.succeeded(UserDirectory.normalise(username));
        return update(username, Updates.combine(Updates.set("failedAttempts", 0), Updates.set("lockedUntil", null)));
    }

    public Optional<UserAccount> setRoles(String username, Set<Role> roles) {
        require(roles != null && !roles.isEmpty() && !roles.contains(null), "roles", "at least one role");
        return update(username, Updates.set("roles", names(roles)));
    }

    /** Sets a new password (under the policy) and ends any sign-in wait. */
    public Optional<UserAccount> setPassword(String username, String password) {
        checkPassword(password);
        throttle.succeeded(UserDirectory.normalise(username));
        return update(username, Updates.combine(Updates.set("passwordHash", hashing.hash(password)),
                Updates.set("failedAttempts", 0), Updates.set("lockedUntil", null)));
    }

    private Optional<UserAccount> update(String username, Bson change) {
        String id = UserDirectory.normalise(username);
        if (users.updateOne(Filters.eq("_id", id), change).getMatchedCount() == 0) {
            return Optional.empty();
        }
        return find(id);
    }

    private void checkPassword(String password) {
        try {
            policy.check(password);
        } catch (PasswordPolicyException e) {
            throw new InvalidUserException("password", e.getMessage());
        }
    }

    private UserAccount account(Document doc) {
        UserView view = UserDirectory.view(doc);
        // "locked" now means: the account's next sign-in must wait after repeated failures.
        boolean locked = throttle.pending(view.username(), null).isPresent();
        return new UserAccount(view.username(), view.displayName(), view.agency(), view.roles(),
                doc.getBoolean("disabled", false) ? "DISABLED" : "ACTIVE", locked, SecondFactor.enabled(doc));
    }

    private static List<String> names(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::name).toList();
    }

    private static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new InvalidUserException(field, message);
        }
    }
}
