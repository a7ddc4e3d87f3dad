package org.goldenthread.node.referral;

import java.time.Instant;
import java.util.List;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * A referral received from another agency. The story is personal data: never logged.
 *
 * @param matchedSubjectIds this node's persons whose tokens match the referral's (any strength)
 * @param caseId this node's case opened from it, once accepted (may be empty)
 */
public record Referral(String referralId, String fromAgency, String toAgency, List<LinkageToken> tokens, Purpose purpose,
        String story, List<String> needs, String referrer, String referrerContact, Instant sentAt,
        List<DataCategory> categories, ReferralStatus status, String reason, String caseId, Instant receivedAt,
        Instant updatedAt, String updatedBy, List<String> matchedSubjectIds) {

    public Referral {
        tokens = List.copyOf(tokens);
        needs = List.copyOf(needs);
        categories = List.copyOf(categories);
        matchedSubjectIds = List.copyOf(matchedSubjectIds);
    }

    Referral moved(ReferralStatus next, String newReason, String newCaseId, Instant at, String by) {
        return new Referral(referralId, fromAgency, toAgency, tokens, purpose, story, needs, referrer, referrerContact,
                sentAt, categories, next, newReason, newCaseId, receivedAt, at, by, matchedSubjectIds);
    }
}
