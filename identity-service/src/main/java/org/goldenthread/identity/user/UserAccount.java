package org.goldenthread.identity.user;

import java.util.Set;

/**
 * A user as an administrator sees them: who, which agency, which roles, and the account's state.
 * Never the password hash, the TOTP secret or the recovery codes.
 *
 * @param status {@code ACTIVE} or {@code DISABLED}
 * @param locked whether repeated failures make the account's next sign-in wait right now
 * @param secondFactor whether a TOTP second factor is set up
 */
public record UserAccount(String username, String displayName, String agency, Set<Role> roles, String status,
        boolean locked, boolean secondFactor) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
