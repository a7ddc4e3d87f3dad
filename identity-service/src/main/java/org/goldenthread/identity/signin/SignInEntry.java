package org.goldenthread.identity.signin;

import java.time.Instant;

/**
 * One sign-in attempt as recorded in {@code sign_in_audit}. Never the password, a code or a token.
 *
 * @param account the username signed in to; null when no such account exists (what was typed is not kept)
 * @param agency the account's agency; null with the account
 * @param channel {@code api} ({@code POST /api/identity/login}) or {@code form} (the login page)
 * @param source the client address as the service determined it (see {@code SignInProperties.trustedProxies})
 */
public record SignInEntry(String id, Instant at, SignInOutcome outcome, String account, String agency,
        String channel, String source) {
}
