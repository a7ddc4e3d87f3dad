package org.goldenthread.consent.decision;

import java.time.Instant;
import java.util.List;

/**
 * A stored decision as a DPO reads it: who asked, about which subject digest, for what, and the
 * answer per agency with its basis, record, grant or reason.
 *
 * @param breakGlassSessionId the session this decision opened; null for none
 * @param refusal the problem code when the request was refused as a whole (e.g. {@code identifiers-disagree});
 *     null when it was decided
 * @param grantExpiresAt when its grants expire; null when nothing was permitted
 */
public record LoggedDecision(
        String decisionId,
        String user,
        String agency,
        List<String> roles,
        String subjectDigest,
        String purpose,
        List<String> agenciesAsked,
        List<String> categoriesAsked,
        List<Answer> outcomes,
        String breakGlassSessionId,
        String refusal,
        Instant grantExpiresAt,
        Instant decidedAt) {

    public LoggedDecision {
        roles = List.copyOf(roles);
        agenciesAsked = List.copyOf(agenciesAsked);
        categoriesAsked = List.copyOf(categoriesAsked);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * One agency's answer as stored.
     *
     * @param grantId the id ({@code jti}) of the agency's grant; null on DENY
     * @param anchors the grant's anchors, token kinds by short name
     */
    public record Answer(String agency, String outcome, List<String> categories, String basis, String recordId,
            String reason, String grantId, List<String> anchors) {
        public Answer {
            categories = List.copyOf(categories);
            anchors = List.copyOf(anchors);
        }
    }

    /** One page, newest first, and how many there are in all. */
    public record Page(List<LoggedDecision> decisions, int page, int size, long total) {
    }
}
