package org.goldenthread.consent.decision;

/** Per agency: may it release anything for this request. */
public enum Outcome {
    PERMIT,
    DENY
}
