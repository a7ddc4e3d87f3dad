package org.goldenthread.identity.signin;

/**
 * What happened to a sign-in attempt, as the audit records it. The caller is told far less: every
 * outcome but {@link #SUCCESS} and {@link #THROTTLED} is one 401 answer.
 */
public enum SignInOutcome {
    SUCCESS,
    WRONG_PASSWORD,
    /** No such username; the entry names no account and belongs to no agency. */
    UNKNOWN_ACCOUNT,
    /** Right password, missing or wrong one-time or recovery code. */
    SECOND_FACTOR_FAILED,
    /** Right password for an account an administrator disabled. */
    DISABLED,
    /** Refused unchecked: the account or the source was still waiting after earlier failures. */
    THROTTLED
}
