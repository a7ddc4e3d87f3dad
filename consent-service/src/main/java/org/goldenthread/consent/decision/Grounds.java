package org.goldenthread.consent.decision;

import java.util.List;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.isa.SharingAgreement;

/**
 * Everything a decision may rest on, any status: the rules themselves decide what is in force.
 *
 * @param consents consent records about the person asked: their permits and their denies apply
 * @param denyOnly other consent records found through the person's identifiers (linked, legacy, namesakes):
 *     only their denies apply — a deny found through any identifier counts, a permit only from the person's own
 * @param agreements agreements of the agencies asked about, newest first
 * @param sessions the requester's break-glass sessions for this subject
 */
public record Grounds(List<ConsentRecord> consents, List<ConsentRecord> denyOnly, List<SharingAgreement> agreements,
        List<BreakGlassSession> sessions) {

    public Grounds {
        consents = List.copyOf(consents);
        denyOnly = List.copyOf(denyOnly);
        agreements = List.copyOf(agreements);
        sessions = List.copyOf(sessions);
    }

    /** Without deny-only records. */
    public Grounds(List<ConsentRecord> consents, List<SharingAgreement> agreements, List<BreakGlassSession> sessions) {
        this(consents, List.of(), agreements, sessions);
    }

    public static Grounds consentsOnly(List<ConsentRecord> consents) {
        return new Grounds(consents, List.of(), List.of());
    }
}
