package org.goldenthread.consent.decision;

import java.time.Instant;
import java.util.List;

/**
 * A stored decision as a DPO reads it: who asked, about which subject digest, for what, and the
 * answer per agency with its basis, record or reason.
 *
 * @param breakGlassSessionId the session this decision opened; null for none
 * @param grantId null when nothing was permitted
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
        String grantId,
        Instant grantExpiresAt,
        Instant decidedAt) {

    public LoggedDecision {
        roles = List.copyOf(roles);
        agenciesAsked = List.copyOf(agenciesAsked);
        categoriesAsked = List.copyOf(categoriesAsked);
        outcomes = List.copyOf(outcomes);
    }

    /** One agency's answer as stored. */
    public record Answer(String agency, String outcome, List<String> categories, String basis, String recordId,
            String reason) {
    }

    /** One page, newest first, and how many there are in all. */
    public record Page(List<LoggedDecision> decisions, int page, int size, long total) {
    }
}
