package org.goldenthread.identity.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.HubOrganisation;
import org.goldenthread.identity.user.InvalidUserException;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.SecondFactor;
import org.goldenthread.identity.user.UserAccount;
import org.goldenthread.identity.user.UserAccounts;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may administer which accounts: an agency administrator the users of their own agency, a
 * federation administrator those of any agency and of the hub; and in both cases only accounts
 * whose every role the actor may give ({@link RoleGrants}), so nobody resets the password or second
 * factor of an account stronger than their own (issue 15). {@code FEDERATION_ADMIN} lives only in
 * the hub organisation, and hub accounts hold nothing else. Nobody disables or re-roles their own
 * account (no locking oneself out by accident, and no giving oneself {@code BREAK_GLASS}).
 * {@code BREAK_GLASS} is given only to a key-worker or team manager: it is an extra permission for
 * front-line staff, not a role of its own.
 *
 * <p>A user of another agency is answered exactly like a user that does not exist (404
 * {@code user-not-found}), so the API tells an agency administrator nothing about other agencies'
 * accounts. A user of the actor's own agency that holds a role the actor may not give is refused
 * with 403 {@code account-not-administrable}; asking to give such a role, 403
 * {@code role-not-grantable}. Every refusal is audited.
 */
@Component
public class UserAdministration {

    public static final int MAX_LIST = 500;

    private final UserAccounts accounts;
    private final SecondFactor secondFactor;
    private final AgencyRegistry agencies;
    private final AdminAudit audit;

    UserAdministration(UserAccounts accounts, SecondFactor secondFactor, AgencyRegistry agencies, AdminAudit audit) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.agencies = agencies;
        this.audit = audit;
    }

    public UserAccount create(Actor actor, String username, String displayName, String agency, Set<Role> roles,
            String password) {
        String target = agency == null ? actor.agency() : agency;
        if (!actor.administersAgency(target)) {
            audit.refused(actor, "user.create", null, target);
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "forbidden-agency",
                    "you administer the users of your own agency only");
        }
        grantable(actor, roles, "user.create", null, target);
        assignable(roles, target);
        if (!HubOrganisation.is(target) && agencies.find(target).isEmpty()) {
            throw RequestRejectedException.invalid("agency", "is not a registered agency");
        }
        UserAccount created = accounts.create(username, displayName, target, roles, password)
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.CONFLICT, "username-unavailable",
                        "choose another username"));
        audit.done(actor, "user.create", created.username(), target);
        return created;
    }

    public List<UserAccount> list(Actor actor, String agency) {
        String target = agency == null ? actor.agency() : agency;
        if (!actor.administersAgency(target)) {
            audit.refused(actor, "user.list", null, target);
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "forbidden-agency",
                    "you administer the users of your own agency only");
        }
        return accounts.inAgency(target, MAX_LIST);
    }

    /** Reading is not administering: an agency administrator sees every account of their agency, its DPO's too. */
    public UserAccount get(Actor actor, String username) {
        return inScope(actor, username, "user.read");
    }

    public UserAccount setDisabled(Actor actor, String username, boolean disabled) {
        String action = disabled ? "user.disable" : "user.enable";
        notSelf(actor, username, action);
        return change(actor, username, action, name -> accounts.setDisabled(name, disabled));
    }

    public UserAccount unlock(Actor actor, String username) {
        return change(actor, username, "user.unlock", accounts::unlock);
    }

    public UserAccount setRoles(Actor actor, String username, Set<Role> roles) {
        notSelf(actor, username, "user.roles");
        UserAccount account = administered(actor, username, "user.roles");
        grantable(actor, roles, "user.roles", account.username(), account.agency());
        assignable(roles, account.agency());
        return change(actor, account.username(), "user.roles", name -> accounts.setRoles(name, roles));
    }

    /** Gives {@code role} to a user of an agency the actor administers (audited as {@code user.role-grant.<ROLE>}). */
    public UserAccount grantRole(Actor actor, String username, Role role) {
        return changeRole(actor, username, role, true);
    }

    /** Takes {@code role} from the user; a user keeps at least one role (disable the account instead). */
    public UserAccount removeRole(Actor actor, String username, Role role) {
        return changeRole(actor, username, role, false);
    }

    private UserAccount changeRole(Actor actor, String username, Role role, boolean grant) {
        String action = (grant ? "user.role-grant." : "user.role-remove.") + role.name();
        notSelf(actor, username, action);
        UserAccount account = administered(actor, username, action);
        grantable(actor, Set.of(role), action, account.username(), account.agency());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        account.roles().forEach(roles::add);
        if (grant) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        assignable(roles, account.agency());
        return change(actor, account.username(), action, name -> accounts.setRoles(name, roles));
    }

    public void setPassword(Actor actor, String username, String password) {
        change(actor, username, "user.password", name -> accounts.setPassword(name, password));
    }

    public void resetSecondFactor(Actor actor, String username) {
        change(actor, username, "user.totp-reset", name -> {
            secondFactor.reset(name);
            return accounts.find(name);
        });
    }

    private UserAccount change(Actor actor, String username, String action, Function<String, Optional<UserAccount>> op) {
        UserAccount account = administered(actor, username, action);
        UserAccount changed = op.apply(account.username()).orElseThrow(UserAdministration::notFound);
        audit.done(actor, action, changed.username(), changed.agency());
        return changed;
    }

    /** An account the actor may change: in an agency it administers, holding only roles it may give. */
    private UserAccount administered(Actor actor, String username, String action) {
        UserAccount account = inScope(actor, username, action);
        if (!actor.administers(account.agency(), account.roles())) {
            audit.refused(actor, action, account.username(), account.agency());
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "account-not-administrable",
                    "this account holds a role you may not give (an administrator's, a DPO's or a federation "
                            + "administrator's); ask a federation administrator");
        }
        return account;
    }

    private UserAccount inScope(Actor actor, String username, String action) {
        Optional<UserAccount> account = username == null || username.length() > 64 ? Optional.empty() : accounts.find(username);
        if (account.isEmpty() || !actor.administersAgency(account.get().agency())) {
            // The entry names no target: it must not record which usernames exist either.
            audit.refused(actor, action, null, actor.agency());
            throw notFound();
        }
        return account.get();
    }

    private void grantable(Actor actor, Set<Role> roles, String action, String target, String agency) {
        if (roles != null && !actor.mayGrant(roles)) {
            audit.refused(actor, action, target, agency);
            Set<Role> refused = EnumSet.noneOf(Role.class);
            roles.stream().filter(r -> !actor.mayGrant(Set.of(r))).forEach(refused::add);
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "role-not-grantable",
                    "you may not give the role " + refused.stream().map(Role::name).collect(Collectors.joining(", "))
                            + "; ask a federation administrator");
        }
    }

    private void notSelf(Actor actor, String username, String action) {
        if (username != null && username.equalsIgnoreCase(actor.username())) {
            audit.refused(actor, action, actor.username(), actor.agency());
            throw new RequestRejectedException(HttpStatus.CONFLICT, "own-account",
                    "ask another administrator to change your own account");
        }
    }

    /** Rules of the roles themselves, whoever gives them (400: the combination is wrong, not the actor). */
    private static void assignable(Set<Role> roles, String agency) {
        boolean hub = HubOrganisation.is(agency);
        if (roles != null && roles.contains(Role.FEDERATION_ADMIN) && !hub) {
            throw new InvalidUserException("roles", "FEDERATION_ADMIN is held only by accounts of the hub organisation");
        }
        if (roles != null && hub && !Set.of(Role.FEDERATION_ADMIN).containsAll(roles)) {
            throw new InvalidUserException("roles", "accounts of the hub organisation hold FEDERATION_ADMIN only");
        }
        if (roles != null && roles.contains(Role.BREAK_GLASS) && !roles.contains(Role.KEY_WORKER)
                && !roles.contains(Role.TEAM_MANAGER)) {
            throw new InvalidUserException("roles", "BREAK_GLASS is given only to a KEY_WORKER or TEAM_MANAGER");
        }
    }

    private static RequestRejectedException notFound() {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, "user-not-found", "no such user in your agency");
    }
}
