package org.goldenthread.identity.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The optional TOTP second factor: enrol (a pending secret), confirm with a first code (the
 * factor is on, ten one-time recovery codes are shown once), verify at sign-in, disable.
 *
 * <p>All state sits in the user's own document and every change is one single-document update,
 * conditional where it matters: a TOTP step is accepted only if it is later than the last one
 * used (no replay of an observed code), and a recovery code is accepted only by the update that
 * removes it. Recovery codes are stored as SHA-256 hashes: they are 80-bit random values, so a
 * fast hash is safe, unlike for passwords. The TOTP secret itself must stay readable to check
 * codes; it lives in the service's own database, like the signing keys.
 */
@Component
public class SecondFactor {

    static final String ISSUER = "Golden Thread";
    private static final int SECRET_BYTES = 20;
    private static final int RECOVERY_CODES = 10;

    private final MongoCollection<Document> users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(UserDirectory directory, Clock clock) {
        this.users = directory.collection();
        this.clock = clock;
    }

    /** Starts (or restarts) an enrolment for an active user who has no second factor yet. */
    public TotpEnrolment enrol(String username) {
        Document user = activeUser(username);
        if (user.getString("totpSecret") != null) {
            throw new SecondFactorException("totp-already-enabled", true, "a second factor is already set up");
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String base32 = Base32.encode(secret);
        users.updateOne(Filters.eq("_id", user.getString("_id")), Updates.set("totpPending", base32));
        String label = enc(ISSUER) + ":" + enc(user.getString("_id"));
        return new TotpEnrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + enc(ISSUER)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS);
    }

    /** Turns the pending enrolment on with a current code; returns the recovery codes (shown once). */
    public List<String> confirm(String username, String code) {
        Document user = activeUser(username);
        String pending = user.getString("totpPending");
        if (pending == null) {
            throw new SecondFactorException("totp-not-pending", true, "no second-factor enrolment is waiting for a code");
        }
        long step = Totp.matchingStep(Base32.decode(pending), normalise(code), clock.instant(), Long.MIN_VALUE);
        if (step < 0) {
            throw invalidCode();
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] raw = new byte[10];
            random.nextBytes(raw);
            String value = Base32.encode(raw);
            codes.add(value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-"
                    + value.substring(12, 16));
            hashes.add(sha256(value));
        }
        // Conditional on the same pending secret: a concurrent re-enrolment is not silently confirmed.
        long changed = users.updateOne(Filters.and(Filters.eq("_id", user.getString("_id")), Filters.eq("totpPending", pending)),
                Updates.combine(Updates.set("totpSecret", pending), Updates.set("totpLastStep", step),
                        Updates.set("recoveryCodes", hashes), Updates.unset("totpPending"))).getModifiedCount();
        if (changed != 1) {
            throw new SecondFactorException("totp-not-pending", true, "the enrolment changed meanwhile; start again");
        }
        return List.copyOf(codes);
    }

    /** Turns the factor off; takes a current code or a recovery code, so a stolen token alone cannot. */
    public void disable(String username, String code) {
        Document user = activeUser(username);
        if (user.getString("totpSecret") == null) {
            throw new SecondFactorException("totp-not-enabled", true, "no second factor is set up");
        }
        if (!accept(user, code)) {
            throw invalidCode();
        }
        clear(user.getString("_id"));
    }

    /** An administrator's reset for a user who lost both device and recovery codes. */
    public boolean reset(String username) {
        return clear(UserDirectory.normalise(username));
    }

    public boolean enabled(String username) {
        Document user = users.find(Filters.eq("_id", UserDirectory.normalise(username))).first();
        return user != null && user.getString("totpSecret") != null;
    }

    static boolean enabled(Document user) {
        return user.getString("totpSecret") != null;
    }

    /** Whether {@code code} is a fresh TOTP code or an unused recovery code of this user; uses it up. */
    boolean accept(Document user, String code) {
        String secret = user.getString("totpSecret");
        String candidate = normalise(code);
        if (secret == null || candidate.isEmpty()) {
            return false;
        }
        String id = user.getString("_id");
        if (candidate.length() == Totp.DIGITS) {
            long last = user.get("totpLastStep") instanceof Number n ? n.longValue() : Long.MIN_VALUE;
            long step = Totp.matchingStep(Base32.decode(secret), candidate, clock.instant(), last);
            return step >= 0 && users.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("totpLastStep", step)),
                    Updates.set("totpLastStep", step)).getModifiedCount() == 1;
        }
        String hash = sha256(candidate);
        return users.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("recoveryCodes", hash)),
                Updates.pull("recoveryCodes", hash)).getModifiedCount() == 1;
    }

    private boolean clear(String id) {
        return users.updateOne(Filters.eq("_id", id), Updates.combine(Updates.unset("totpSecret"),
                Updates.unset("totpPending"), Updates.unset("totpLastStep"), Updates.unset("recoveryCodes")))
                .getMatchedCount() == 1;
    }

    private Document activeUser(String username) {
        Document user = users.find(Filters.eq("_id", UserDirectory.normalise(username))).first();
        if (user == null || user.getBoolean("disabled", false)) {
            throw new SecondFactorException("not-a-user", true, "the token does not belong to an active user");
        }
        return user;
    }

    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static SecondFactorException invalidCode() {
        return new SecondFactorException("invalid-totp-code", false, "the code is not right");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
