package org.goldenthread.identity.user;

/**
 * One try at signing in, as a controller received it.
 *
 * @param code the one-time or recovery code, or null
 * @param channel where it came in ({@code api}, {@code form}), for the audit
 * @param source the client address, or null when none is known (then only the account is throttled)
 */
public record SignInAttempt(String username, String password, String code, String channel, String source) {

    /** Leaves the password and the code out: attempts may end up in a log or a debugger. */
    @Override
    public String toString() {
        return "SignInAttempt[channel=" + channel + "]";
    }
}
