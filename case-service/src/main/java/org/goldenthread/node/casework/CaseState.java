package org.goldenthread.node.casework;

/** Whether the agency is still working the case. */
public enum CaseState {
    OPEN, CLOSED
}
