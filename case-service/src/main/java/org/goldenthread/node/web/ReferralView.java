package org.goldenthread.node.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.node.referral.Referral;

/** A received referral as this agency's staff see it; matches are this node's persons by reference. */
record ReferralView(String referralId, String fromAgency, String purpose, String story, List<String> needs,
        String referrer, String referrerContact, Instant sentAt, List<String> categories, String status, String reason,
        String caseRef, Instant receivedAt, Instant updatedAt, String updatedBy, List<String> matchedSubjectRefs) {

    /** @param refsById subject and case references by node id */
    static ReferralView of(Referral r, Map<String, String> refsById) {
        return new ReferralView(r.referralId(), r.fromAgency(), Vocabulary.name(r.purpose()), r.story(), r.needs(),
                r.referrer(), r.referrerContact(), r.sentAt(), r.categories().stream().map(Vocabulary::name).sorted().toList(),
                r.status().name(), r.reason(), r.caseId() == null || r.caseId().isEmpty() ? null : refsById.get(r.caseId()),
                r.receivedAt(), r.updatedAt(), r.updatedBy(),
                r.matchedSubjectIds().stream().map(refsById::get).filter(java.util.Objects::nonNull).sorted().toList());
    }
}
