package org.goldenthread.identity.admin;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.goldenthread.identity.agency.HubOrganisation;
import org.goldenthread.identity.user.Role;

/**
 * Who performs an administrative action, as their access token says.
 *
 * @param authenticatedAt when the actor last proved who they are (the token's {@code auth_time}); null when the
 *     token does not say, which counts as long ago
 */
public record Actor(String username, String agency, Set<String> roles, Instant authenticatedAt) {

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Actor(String username, String agency, Set<String> roles) {
        this(username, agency, roles, null);
    }

    public boolean federationAdmin() {
        return roles.contains(Role.FEDERATION_ADMIN.name());
    }

    /**
     * Whether the actor manages accounts in {@code agency} at all (lists them, creates them): a federation
     * administrator any agency's and the hub's, an agency administrator its own agency's only — never the hub's.
     */
    public boolean administersAgency(String agency) {
        if (federationAdmin()) {
            return agency != null;
        }
        return roles.contains(Role.AGENCY_ADMIN.name()) && agency != null && agency.equals(this.agency)
                && !HubOrganisation.is(agency);
    }

    /** Whether the actor may administer an account of {@code agency} holding {@code targetRoles}. */
    public boolean administers(String agency, Collection<Role> targetRoles) {
        return administersAgency(agency) && mayGrant(targetRoles);
    }

    /** Whether every one of {@code wanted} is a role the actor may give ({@link RoleGrants}). */
    public boolean mayGrant(Collection<Role> wanted) {
        return wanted != null && RoleGrants.grantableBy(roles).containsAll(wanted);
    }
}
