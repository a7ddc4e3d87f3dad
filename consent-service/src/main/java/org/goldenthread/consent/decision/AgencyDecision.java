package org.goldenthread.consent.decision;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;

/**
 * The answer for one data-holding agency.
 *
 * @param categories what it may release (empty on DENY)
 * @param basis the lawful basis of a PERMIT; null on DENY
 * @param recordId the record the PERMIT rests on; null on DENY
 * @param reason why not, in words a key-worker can read; null on PERMIT
 */
public record AgencyDecision(
        String agency,
        Outcome outcome,
        Set<DataCategory> categories,
        LawfulBasis basis,
        String recordId,
        String reason) {

    public AgencyDecision {
        categories = Set.copyOf(categories);
    }

    static AgencyDecision permit(String agency, Set<DataCategory> categories, LawfulBasis basis, String recordId) {
        return new AgencyDecision(agency, Outcome.PERMIT, categories, basis, recordId, null);
    }

    static AgencyDecision deny(String agency, String reason) {
        return new AgencyDecision(agency, Outcome.DENY, Set.of(), null, null, reason);
    }
}
