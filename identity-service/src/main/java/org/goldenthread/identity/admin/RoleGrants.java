package org.goldenthread.identity.admin;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.goldenthread.identity.user.Role;

/**
 * The one table of which administrator role may give which roles. An actor administers a user only
 * when it may give <em>every</em> role that user holds, so an administrator can never take over an
 * account stronger than its own by resetting its password or second factor (issue 15).
 *
 * <table>
 * <caption>who may give what</caption>
 * <tr><th>actor holds</th><th>may give (and so administer holders of)</th></tr>
 * <tr><td>AGENCY_ADMIN</td><td>KEY_WORKER, TEAM_MANAGER, BREAK_GLASS (own agency only)</td></tr>
 * <tr><td>FEDERATION_ADMIN</td><td>KEY_WORKER, TEAM_MANAGER, BREAK_GLASS, AGENCY_ADMIN, DPO, FEDERATION_ADMIN
 *     (the last only to accounts in the hub organisation)</td></tr>
 * </table>
 *
 * <p>An agency administrator gives neither {@code AGENCY_ADMIN} (no peer can take over a peer) nor
 * {@code DPO}: the data protection officer audits what the agency's administrators do (UK GDPR
 * art. 38(3) and (6): the DPO is independent and free of conflicts), so the person audited must not
 * be able to reset the auditor's password, sign in as them and acknowledge or read on their behalf.
 * Federation administrators sit outside every agency and administer both.
 */
public final class RoleGrants {

    private static final Map<Role, Set<Role>> GRANTS = Map.of(
            Role.AGENCY_ADMIN, EnumSet.of(Role.KEY_WORKER, Role.TEAM_MANAGER, Role.BREAK_GLASS),
            Role.FEDERATION_ADMIN, EnumSet.of(Role.KEY_WORKER, Role.TEAM_MANAGER, Role.BREAK_GLASS,
                    Role.AGENCY_ADMIN, Role.DPO, Role.FEDERATION_ADMIN));

    private RoleGrants() {
    }

    /** The roles someone holding {@code actorRoles} (role names, as a token carries them) may give. */
    public static Set<Role> grantableBy(Collection<String> actorRoles) {
        Set<Role> grantable = EnumSet.noneOf(Role.class);
        GRANTS.forEach((holder, roles) -> {
            if (actorRoles.contains(holder.name())) {
                grantable.addAll(roles);
            }
        });
        return grantable;
    }

    /** The roles of the table's row for {@code holder}, empty for a role that gives nothing. */
    public static Set<Role> row(Role holder) {
        return GRANTS.getOrDefault(holder, Set.of());
    }
}
