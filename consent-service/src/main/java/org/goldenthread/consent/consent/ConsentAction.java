package org.goldenthread.consent.consent;

/** What a caller may try to do with consent records; {@link ConsentPermissions} says who may. */
public enum ConsentAction {
    RECORD,
    REVISE,
    WITHDRAW,
    /** Read a record: the record itself, its FHIR export, the FHIR search of a subject. */
    READ,
    /** List the consent review queue of one's own agency and acknowledge its items. */
    ACKNOWLEDGE
}
