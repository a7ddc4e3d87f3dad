package org.goldenthread.consent.consent;

/** FHIR Consent.provision.type: a DENY always beats a PERMIT. */
public enum ProvisionType {
    PERMIT,
    DENY
}
