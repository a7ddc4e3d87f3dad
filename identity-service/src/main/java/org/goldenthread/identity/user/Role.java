package org.goldenthread.identity.user;

/** What a user may do; carried in the access token's {@code roles} claim by name. */
public enum Role {
    KEY_WORKER,
    TEAM_MANAGER,
    AGENCY_ADMIN,
    DPO,
    FEDERATION_ADMIN
}
