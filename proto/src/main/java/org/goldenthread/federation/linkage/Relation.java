package org.goldenthread.federation.linkage;

/**
 * How the identifying tokens of a request stand to the tokens of one stored person or record
 * ({@link OnePerson#compare}).
 */
public enum Relation {
    /** An NHS or NI number in common and nothing contradicting: the same person. */
    EXACT,
    /** Name and date of birth in common and nothing contradicting. */
    STRONG,
    /**
     * Only the fuzzy token (name said alike, first initial, date of birth, district) in common, and no
     * national identifier contradicting: perhaps the same person; a person must confirm.
     */
    POSSIBLE,
    /**
     * An NHS, NI number or name and date of birth in common, and another identifier of a kind both
     * hold disagreeing: the identifiers describe more than one person, or one of them is wrong.
     */
    CONFLICT,
    /** Nothing in common, or only the fuzzy token with a national identifier disagreeing. */
    NONE;

    /** True for EXACT and STRONG: the strengths at which records may be released. */
    public boolean releasable() {
        return this == EXACT || this == STRONG;
    }
}
