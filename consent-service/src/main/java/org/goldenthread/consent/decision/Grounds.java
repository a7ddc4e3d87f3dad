package org.goldenthread.consent.decision;

import java.util.List;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.isa.SharingAgreement;

/**
 * Everything a decision may rest on, any status: the rules themselves decide what is in force.
 *
 * @param consents the subject's consent records, newest first
 * @param agreements agreements of the agencies asked about, newest first
 * @param sessions the requester's break-glass sessions for this subject
 */
public record Grounds(List<ConsentRecord> consents, List<SharingAgreement> agreements,
        List<BreakGlassSession> sessions) {

    public Grounds {
        consents = List.copyOf(consents);
        agreements = List.copyOf(agreements);
        sessions = List.copyOf(sessions);
    }

    public static Grounds consentsOnly(List<ConsentRecord> consents) {
        return new Grounds(consents, List.of(), List.of());
    }
}
