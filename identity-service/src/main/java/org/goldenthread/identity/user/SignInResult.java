package org.goldenthread.identity.user;

import java.time.Duration;

/** What a sign-in attempt earns: the user, one refusal for every failure, or a wait. */
public sealed interface SignInResult {

    record Accepted(UserView user) implements SignInResult {
    }

    /** Unknown user, wrong password, disabled account, missing or wrong code: one answer. */
    record Refused() implements SignInResult {
    }

    /** Earlier failures for the account or from the source: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignInResult {
    }
}
