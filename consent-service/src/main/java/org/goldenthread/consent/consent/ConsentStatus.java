package org.goldenthread.consent.consent;

/** FHIR Consent.status, narrowed to the states Golden Thread uses. */
public enum ConsentStatus {
    ACTIVE,
    WITHDRAWN,
    EXPIRED
}
