package org.goldenthread.consent.decision;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * The answer for one data-holding agency.
 *
 * @param categories what it may release (empty on DENY)
 * @param basis the lawful basis of a PERMIT; null on DENY
 * @param recordId the record the PERMIT rests on (the first of its basis); null on DENY
 * @param reason why not, in words a key-worker can read; null on PERMIT
 * @param consentIds every consent record whose permit covers part of what is released (empty on DENY, and for a
 *     permit resting on agreements or break-glass alone)
 * @param anchors the kinds of the request's tokens those consent records share with it: the grant's anchors
 *     (empty = any identifying kind, for agreements and break-glass, which are about whoever is asked about)
 */
public record AgencyDecision(
        String agency,
        Outcome outcome,
        Set<DataCategory> categories,
        LawfulBasis basis,
        String recordId,
        String reason,
        Set<String> consentIds,
        Set<LinkageTokenKind> anchors) {

    public AgencyDecision {
        categories = Set.copyOf(categories);
        consentIds = Set.copyOf(consentIds);
        anchors = Set.copyOf(anchors);
    }

    static AgencyDecision permit(String agency, Set<DataCategory> categories, LawfulBasis basis, String recordId,
            Set<String> consentIds) {
        return new AgencyDecision(agency, Outcome.PERMIT, categories, basis, recordId, null, consentIds, Set.of());
    }

    static AgencyDecision deny(String agency, String reason) {
        return new AgencyDecision(agency, Outcome.DENY, Set.of(), null, null, reason, Set.of(), Set.of());
    }

    AgencyDecision anchoredBy(Set<LinkageTokenKind> kinds) {
        return new AgencyDecision(agency, outcome, categories, basis, recordId, reason, consentIds, kinds);
    }

    AgencyDecision withReason(String newReason) {
        return new AgencyDecision(agency, outcome, categories, basis, recordId, newReason, consentIds, anchors);
    }
}
