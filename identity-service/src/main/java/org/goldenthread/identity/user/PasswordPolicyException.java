package org.goldenthread.identity.user;

/**
 * A new password the policy refuses. The message names the rule, never the password, so it is
 * safe to log or show.
 */
public class PasswordPolicyException extends IllegalArgumentException {

    public PasswordPolicyException(String rule) {
        super(rule);
    }
}
