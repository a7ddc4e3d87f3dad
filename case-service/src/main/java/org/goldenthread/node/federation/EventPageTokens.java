package org.goldenthread.node.federation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.node.NodeSecret;
import org.goldenthread.node.casework.EventCursor;
import org.springframework.stereotype.Component;

/**
 * GetSubjectRecord's page tokens, bound to the grant the first page was released under: the only
 * reuse of a grant is continuing its own request (a grant is used once per operation). Version 2:
 * {@code e2.<body>.<mac>}, the body holding a hash of the grant id and the keyset cursor (where the
 * previous page ended, so pages stay stable while new events arrive), the MAC (HMAC-SHA256 with a
 * key derived from the node's secret) making it unforgeable: holding a grant is not enough to make
 * up a continuation of it. Version-1 tokens ({@code e1.}, unbound) and anything else that does not
 * verify exactly are refused as INVALID_ARGUMENT BAD_PAGE_TOKEN, never interpreted.
 */
@Component
class EventPageTokens {

    private static final String PREFIX = "e2.";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    EventPageTokens(NodeSecret secret) {
        this.key = secret.derive("page-token/v2");
    }

    /** The token continuing after {@code cursor} under {@code grant}; empty on the last page. */
    String issue(EventCursor cursor, AccessGrant grant) {
        if (cursor == null) {
            return "";
        }
        String body = B64.encodeToString((grantHash(grant) + ":" + cursor.occurredAt().toEpochMilli() + ":" + cursor.id())
                .getBytes(StandardCharsets.UTF_8));
        return PREFIX + body + "." + B64.encodeToString(mac(body));
    }

    /** The cursor in {@code token}, which must continue a request under {@code grant}; null for the empty token. */
    EventCursor read(String token, AccessGrant grant) throws FederationRefusal {
        if (token.isEmpty()) {
            return null;
        }
        String[] parts = token.startsWith(PREFIX) && token.length() <= 300
                ? token.substring(PREFIX.length()).split("\\.", -1) : new String[0];
        if (parts.length != 2 || !MessageDigest.isEqual(decode(parts[1], grant), mac(parts[0]))) {
            throw bad("page_token is not a token this node issued", grant);
        }
        String[] fields = new String(decode(parts[0], grant), StandardCharsets.UTF_8).split(":", -1);
        if (fields.length != 3 || !fields[1].matches("-?\\d{1,18}") || !fields[2].matches(UUID)) {
            throw bad("page_token is not a token this node issued", grant);
        }
        if (!fields[0].equals(grantHash(grant))) {
            throw bad("page_token continues a request made under another grant", grant);
        }
        return new EventCursor(Instant.ofEpochMilli(Long.parseLong(fields[1])), fields[2]);
    }

    /** For a continuation: the key its single use is remembered under; null for a first page. */
    String continuation(String token, AccessGrant grant) throws FederationRefusal {
        if (read(token, grant) == null) {
            return null;
        }
        return B64.encodeToString(Arrays.copyOf(sha256(token), 16));
    }

    private static String grantHash(AccessGrant grant) {
        return B64.encodeToString(Arrays.copyOf(sha256("gt-grant|" + grant.id()), 16));
    }

    private static byte[] decode(String part, AccessGrant grant) throws FederationRefusal {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw bad("page_token is not a token this node issued", grant);
        }
    }

    /** INVALID_ARGUMENT BAD_PAGE_TOKEN, naming the (genuine) grant in the audit entry. */
    private static FederationRefusal bad(String description, AccessGrant grant) {
        return new FederationRefusal(io.grpc.Status.Code.INVALID_ARGUMENT, "BAD_PAGE_TOKEN", description, grant);
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
