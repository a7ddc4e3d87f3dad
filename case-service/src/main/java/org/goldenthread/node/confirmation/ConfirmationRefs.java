package org.goldenthread.node.confirmation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.goldenthread.federation.grant.AccessGrant;

/**
 * The references a node hands out with a POSSIBLE match ({@code SubjectMatch.confirmation_ref}) and
 * accepts back as {@code GetSubjectRecordRequest.confirmed_match} once the requesting user has
 * confirmed, with the lead worker, that the person is the one they mean.
 *
 * <p>A reference is {@code cr1.<body>.<mac>}: the body holds a random id, the expiry and the local
 * person's id (already the match's opaque {@code subject_ref}); the MAC (HMAC-SHA256 with a key
 * derived from the node's secret) covers the body and, without carrying them, the grant's subject
 * digest, requester and requesting agency. So a reference verifies only under a grant for the same
 * user of the same agency asking about the same tokens, and only on the node that issued it (or one
 * sharing its configured secret). The key-worker never sees the other agency's identifiers: only
 * the INVOLVEMENT facts that come with the match, and this opaque string.
 */
public final class ConfirmationRefs {

    /** The use its key is derived for ({@code NodeSecret.derive}). */
    public static final String KEY_USE = "confirmation-ref/v1";
    private static final String PREFIX = "cr1.";
    private static final int MAX_LENGTH = 400;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param key this use's key ({@code NodeSecret.derive(KEY_USE)}) */
    public ConfirmationRefs(byte[] key, Duration ttl, Clock clock) {
        this.key = key.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A reference to {@code subjectId} for the requester and subject of {@code grant}. */
    public String issue(String subjectId, AccessGrant grant) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        byte[] person = subjectId.getBytes(StandardCharsets.UTF_8);
        byte[] body = ByteBuffer.allocate(id.length + Long.BYTES + person.length)
                .put(id).putLong(clock.instant().plus(ttl).getEpochSecond()).put(person).array();
        return PREFIX + B64.encodeToString(body) + "." + B64.encodeToString(mac(body, grant));
    }

    /**
     * The confirmed match, when {@code ref} is a reference this node issued for the requester and
     * subject of {@code grant} and has not expired; throws otherwise (one answer for every case, so a
     * caller learns nothing from which check failed).
     */
    public Confirmed verify(String ref, AccessGrant grant) throws BadConfirmationException {
        if (ref.length() > MAX_LENGTH || !ref.startsWith(PREFIX) || grant.aggregate()) {
            throw new BadConfirmationException();
        }
        String[] parts = ref.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            throw new BadConfirmationException();
        }
        byte[] body;
        byte[] presented;
        try {
            body = UNB64.decode(parts[0]);
            presented = UNB64.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new BadConfirmationException();
        }
        if (body.length <= 12 + Long.BYTES || !MessageDigest.isEqual(presented, mac(body, grant))) {
            throw new BadConfirmationException();
        }
        ByteBuffer fields = ByteBuffer.wrap(body);
        byte[] id = new byte[12];
        fields.get(id);
        Instant expires = Instant.ofEpochSecond(fields.getLong());
        if (!clock.instant().isBefore(expires)) {
            throw new BadConfirmationException();
        }
        String subjectId = new String(body, 12 + Long.BYTES, body.length - 12 - Long.BYTES, StandardCharsets.UTF_8);
        return new Confirmed(subjectId, B64.encodeToString(id));
    }

    private byte[] mac(byte[] body, AccessGrant grant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            ByteArrayOutputStream bound = new ByteArrayOutputStream(256);
            // Length-prefixed, so no two different bindings share an input.
            for (byte[] field : new byte[][] {body, utf8(grant.subjectDigest()), utf8(grant.requester()),
                utf8(grant.requesterAgency())}) {
                bound.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
                bound.writeBytes(field);
            }
            return mac.doFinal(bound.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param subjectId the local person the user confirmed
     * @param id the reference's own random id, recorded in the audit entry of the release it allows
     */
    public record Confirmed(String subjectId, String id) {
    }
}
