package org.goldenthread.identity.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The users of the partnership, one document per user in {@code users} ({@code _id} = username).
 * Usernames are compared in lower case. Password checks and sign-in throttling live in {@link PasswordLogin}.
 */
@Component
public class UserDirectory {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    static final Pattern AGENCY = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    private final MongoCollection<Document> users;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final PasswordHashing hashing;
    private final Clock clock;

    UserDirectory(MongoDatabase database, PasswordHashing hashing, Clock clock) {
        this.users = database.getCollection("users");
        this.hashing = hashing;
        this.clock = clock;
    }

    /**
     * Creates the user if no user of that name exists; an existing user is returned unchanged
     * (its password, roles and agency are not touched), so seeding can run on every start.
     *
     * @throws PasswordPolicyException when a new user's password breaks the policy
     * @throws IllegalArgumentException when the username, agency, display name or roles are not valid
     */
    public UserView ensureUser(String username, String displayName, String agency, Set<Role> roles, String password) {
        String id = normalise(username);
        if (!USERNAME.matcher(id).matches()) {
            throw new IllegalArgumentException("a username is 2-64 characters: a-z, 0-9, '.', '_', '@', '-'");
        }
        Optional<UserView> existing = find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (agency == null || !AGENCY.matcher(agency).matches()) {
            throw new IllegalArgumentException("an agency id matches " + AGENCY.pattern());
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("a display name is 1-200 characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        policy.check(password);
        Document doc = new Document("_id", id)
                .append("displayName", displayName.strip())
                .append("agency", agency)
                .append("roles", EnumSet.copyOf(roles).stream().map(Role::name).toList())
                .append("passwordHash", hashing.hash(password))
                .append("failedAttempts", 0)
                .append("lockedUntil", null)
                .append("createdAt", Date.from(clock.instant()));
        try {
            users.insertOne(doc);
            return view(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return find(id).orElseThrow(() -> e); // created concurrently: that one stands
            }
            throw e;
        }
    }

    public Optional<UserView> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("_id", normalise(username))).first()).map(UserDirectory::view);
    }

    /** The user unless they are disabled: who may sign in and be issued tokens. */
    public Optional<UserView> findActive(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("_id", normalise(username))).first())
                .filter(doc -> !doc.getBoolean("disabled", false))
                .map(UserDirectory::view);
    }

    MongoCollection<Document> collection() {
        return users;
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static UserView view(Document doc) {
        List<String> roles = doc.getList("roles", String.class, List.of());
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        roles.forEach(r -> parsed.add(Role.valueOf(r)));
        return new UserView(doc.getString("_id"), doc.getString("displayName"), doc.getString("agency"), parsed);
    }
}
