package org.goldenthread.identity.agency;

/** Whether the federation talks to an agency's node. A suspended agency stays registered. */
public enum AgencyStatus {
    ACTIVE,
    SUSPENDED
}
