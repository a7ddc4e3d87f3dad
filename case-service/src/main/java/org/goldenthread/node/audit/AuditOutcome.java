package org.goldenthread.node.audit;

/** Whether a federation call released anything. */
public enum AuditOutcome {
    RELEASED,
    REFUSED
}
