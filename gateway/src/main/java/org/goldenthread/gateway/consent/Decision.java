package org.goldenthread.gateway.consent;

import java.time.Instant;
import java.util.List;

/** consent-service's answer: one outcome per agency, and the grant covering every permit. */
public record Decision(
        String decisionId,
        String purpose,
        String grant,
        Instant expiresAt,
        List<AgencyDecision> agencies) {

    /** PERMIT with categories, basis and the granting record; or DENY with a readable reason. */
    public record AgencyDecision(
            String agency,
            String outcome,
            List<String> categories,
            String basis,
            String recordId,
            String reason) {

        public boolean permitted() {
            return "PERMIT".equals(outcome);
        }
    }
}
