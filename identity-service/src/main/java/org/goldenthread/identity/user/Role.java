package org.goldenthread.identity.user;

/** What a user may do; carried in the access token's {@code roles} claim by name. */
public enum Role {
    KEY_WORKER,
    TEAM_MANAGER,
    AGENCY_ADMIN,
    DPO,
    FEDERATION_ADMIN,
    /**
     * May open a break-glass session (consent-service, issue 14): an extra permission an agency
     * administrator gives a named front-line worker, never a role of its own — only alongside
     * {@link #KEY_WORKER} or {@link #TEAM_MANAGER}.
     */
    BREAK_GLASS
}
