package org.goldenthread.identity.admin;

import java.util.Set;

/** Who performs an administrative action, as their access token says. */
public record Actor(String username, String agency, Set<String> roles) {

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean federationAdmin() {
        return roles.contains("FEDERATION_ADMIN");
    }

    /** Whether the actor administers the users of {@code agency}. */
    public boolean administers(String agency) {
        return federationAdmin() || (roles.contains("AGENCY_ADMIN") && agency != null && agency.equals(this.agency));
    }
}
