package org.goldenthread.consent.decision;

import java.util.List;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.common.Categories;
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
 * @param acknowledged which consent revisions each source's data-protection officer has acknowledged
 * @param sensitive per source, the categories a consent releases only once acknowledged
 */
public record Grounds(List<ConsentRecord> consents, List<ConsentRecord> denyOnly, List<SharingAgreement> agreements,
        List<BreakGlassSession> sessions, Acknowledged acknowledged, SensitiveCategories sensitive) {

    /** The floor of every answer about what is sensitive: the special categories. */
    public static final SensitiveCategories SPECIAL_ONLY = agency -> Categories.SPECIAL;

    public Grounds {
        consents = List.copyOf(consents);
        denyOnly = List.copyOf(denyOnly);
        agreements = List.copyOf(agreements);
        sessions = List.copyOf(sessions);
    }

    /** Nothing acknowledged (fail closed), the special categories sensitive. */
    public Grounds(List<ConsentRecord> consents, List<ConsentRecord> denyOnly, List<SharingAgreement> agreements,
            List<BreakGlassSession> sessions) {
        this(consents, denyOnly, agreements, sessions, Acknowledged.NOTHING, SPECIAL_ONLY);
    }

    /** Without deny-only records. */
    public Grounds(List<ConsentRecord> consents, List<SharingAgreement> agreements, List<BreakGlassSession> sessions) {
        this(consents, List.of(), agreements, sessions);
    }

    public static Grounds consentsOnly(List<ConsentRecord> consents) {
        return new Grounds(consents, List.of(), List.of());
    }

    public Grounds acknowledging(Acknowledged newAcknowledged) {
        return new Grounds(consents, denyOnly, agreements, sessions, newAcknowledged, sensitive);
    }
}
