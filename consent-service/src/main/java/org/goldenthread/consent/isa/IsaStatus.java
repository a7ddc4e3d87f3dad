package org.goldenthread.consent.isa;

/** An agreement in force, or ended by its source agency (an ended agreement never permits again). */
public enum IsaStatus {
    ACTIVE,
    TERMINATED
}
