package org.goldenthread.node.household;

/** A member's place in the household, as the agency records it. */
public enum Relationship {
    PARENT, CHILD, SIBLING, PARTNER, GRANDPARENT, CARER, OTHER
}
