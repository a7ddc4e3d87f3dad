package org.goldenthread.node.casework;

/** Where a plan action stands. */
public enum ActionStatus {
    OPEN, DONE, CANCELLED
}
