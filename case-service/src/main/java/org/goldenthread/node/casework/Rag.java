package org.goldenthread.node.casework;

/** The complexity / risk rating a key-worker gives a case. */
public enum Rag {
    GREEN, AMBER, RED
}
