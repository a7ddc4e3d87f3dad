package org.goldenthread.consent.consent;

/** How the subject's consent was obtained. */
public enum EvidenceKind {
    SIGNED_FORM,
    /** Needs a named witness: verbal consent is only as good as the person who heard it. */
    VERBAL_WITH_WITNESS,
    ELECTRONIC
}
