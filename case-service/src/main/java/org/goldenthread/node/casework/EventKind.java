package org.goldenthread.node.casework;

/** What kind of thing a timeline event records. */
public enum EventKind {
    INCIDENT, CONTACT, ASSESSMENT, NOTE
}
