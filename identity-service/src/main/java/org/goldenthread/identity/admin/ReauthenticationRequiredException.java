package org.goldenthread.identity.admin;

import java.time.Duration;

/**
 * The actor's sign-in is too old (or the token does not say when it was) for the action asked:
 * answered 401 with RFC 9470's {@code insufficient_user_authentication} challenge and {@code max_age}.
 */
public class ReauthenticationRequiredException extends RuntimeException {

    private final Duration maxAge;

    public ReauthenticationRequiredException(Duration maxAge) {
        super("sign in again (password and second factor) and repeat the change within "
                + maxAge.toMinutes() + " minutes of signing in");
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
