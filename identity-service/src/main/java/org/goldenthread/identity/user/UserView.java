package org.goldenthread.identity.user;

import java.util.Objects;
import java.util.Set;

/** A user as the rest of the service sees them: never the password hash or lockout counters. */
public record UserView(String username, String displayName, String agency, Set<Role> roles) {

    public UserView {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(agency, "agency");
        roles = Set.copyOf(roles);
    }
}
