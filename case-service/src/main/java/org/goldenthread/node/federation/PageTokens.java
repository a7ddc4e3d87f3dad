package org.goldenthread.node.federation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page sizes, and the access log's page tokens: a version prefix and a base64url keyset cursor
 * (the last sequence returned). Anything that does not decode exactly is refused as
 * INVALID_ARGUMENT, never interpreted. An access-log token is not bound to a grant: each page is
 * asked with a grant of its own (a grant is used once), and the token reveals only a sequence.
 * Timeline pages have grant-bound tokens of their own ({@link EventPageTokens}).
 */
final class PageTokens {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;
    private static final String LOG = "a1.";

    private PageTokens() {
    }

    static int size(int requested) throws FederationRefusal {
        if (requested < 0) {
            throw FederationRefusal.invalidArgument("BAD_PAGE_SIZE", "page_size must not be negative");
        }
        return requested == 0 ? DEFAULT_SIZE : Math.min(requested, MAX_SIZE);
    }

    static String log(long lastSequence) {
        return LOG + encode(Long.toString(lastSequence));
    }

    /** The last sequence already returned; 0 for the empty token (first page). */
    static long log(String token) throws FederationRefusal {
        return token.isEmpty() ? 0 : number(decode(token, LOG));
    }

    private static String encode(String body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token, String prefix) throws FederationRefusal {
        if (!token.startsWith(prefix) || token.length() > 200) {
            throw bad();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token.substring(prefix.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    private static long number(String digits) throws FederationRefusal {
        if (!digits.matches("-?\\d{1,18}")) {
            throw bad();
        }
        return Long.parseLong(digits);
    }

    private static FederationRefusal bad() {
        return FederationRefusal.invalidArgument("BAD_PAGE_TOKEN", "page_token is not a token this node issued");
    }
}
