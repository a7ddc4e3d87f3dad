package org.goldenthread.gateway.consent;

import java.time.Instant;
import java.util.List;

/**
 * consent-service's answer: one outcome per agency. Each permitted agency has its own grant
 * (audience that agency alone, its own scope and basis), so no node learns what another was
 * permitted and a grant taken from one node is refused by every other.
 *
 * @param breakGlass the requester's live break-glass session about this subject, for a countdown; null when none
 */
public record Decision(
        String decisionId,
        String purpose,
        Instant expiresAt,
        List<AgencyDecision> agencies,
        BreakGlass breakGlass) {

    /** A live break-glass session: its id (what the DPOs review) and when it stops permitting. */
    public record BreakGlass(String sessionId, Instant expiresAt) {
    }

    public Decision {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    /**
     * PERMIT with categories, basis, the granting record and this agency's grant (a compact JWS);
     * or DENY with a readable reason.
     */
    public record AgencyDecision(
            String agency,
            String outcome,
            List<String> categories,
            String basis,
            String recordId,
            String reason,
            String grant) {

        public AgencyDecision {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }

        public boolean permitted() {
            return "PERMIT".equals(outcome);
        }

        /** Permitted, and a grant to show the node: the only agencies the gateway asks. */
        public boolean granted() {
            return permitted() && grant != null && !grant.isBlank();
        }
    }
}
