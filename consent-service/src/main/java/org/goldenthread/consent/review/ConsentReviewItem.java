package org.goldenthread.consent.review;

import java.time.Instant;
import java.util.List;

/**
 * One item of a source agency's consent review queue.
 *
 * @param id what to acknowledge it by: {@code <consentId>.r<revision>} for a revision, {@code
 *     <consentId>.relied-on} for a withdrawal notice
 * @param kind RECORDED, REVISED, WITHDRAWN (a revision naming the agency as a source) or RELIED_ON (a withdrawal
 *     notice: decisions of the agency rested on the consent)
 * @param acknowledgementNeeded whether the revision releases the agency's data only once acknowledged (it uses an
 *     explicit "all" or covers categories the agency holds sensitive); false for withdrawals and notices
 * @param decisionIds for RELIED_ON, the newest affected decisions (bounded); else empty
 * @param decisionCount for RELIED_ON, how many decisions in all; else 0
 */
public record ConsentReviewItem(String id, String kind, String consentId, int revision, String recordedByAgency,
        String subjectDigest, Instant at, boolean acknowledgementNeeded, String status, String acknowledgedBy,
        Instant acknowledgedAt, String note, List<String> decisionIds, int decisionCount) {

    public ConsentReviewItem {
        decisionIds = List.copyOf(decisionIds);
    }

    public boolean pending() {
        return acknowledgedAt == null;
    }
}
