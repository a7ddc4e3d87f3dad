package org.goldenthread.consent.breakglass;

/** A DPO's finding on one break-glass access to their agency's data. */
public enum ReviewOutcome {
    JUSTIFIED,
    NOT_JUSTIFIED,
    /** Taken further (the agency's incident process, a report to the ICO). */
    REFERRED
}
