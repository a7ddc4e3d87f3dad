package org.goldenthread.gateway.federation;

import java.util.List;
import org.goldenthread.gateway.consent.Decision;

/**
 * The joined-up view: every item carries its provenance, and every agency considered has one
 * status, with the consent reason where it was not permitted.
 *
 * @param breakGlass the user's live break-glass session about this person ({@code sessionId}, {@code expiresAt}, so
 *     a countdown can be shown); null when the view does not rest on one
 */
public record FederatedView(
        String requestId,
        String decisionId,
        String purpose,
        Decision.BreakGlass breakGlass,
        List<AgencyResult> agencies,
        List<ViewItems.CaseItem> cases,
        List<ViewItems.EventItem> timeline,
        List<ViewItems.ActionItem> planActions,
        List<ViewItems.RagItem> ragHistory) {

    /**
     * One agency's part in the request.
     *
     * @param status what happened ({@link AgencyStatus})
     * @param reason a sentence for the key-worker: the consent reason when not permitted, what to do when
     *        AMBIGUOUS or NEEDS_CONFIRMATION, what failed otherwise; null when OK
     * @param reasonCode the node's stable reason code when it refused ({@code AMBIGUOUS_SUBJECT},
     *        {@code IDENTIFIERS_DISAGREE}, {@code NOT_ANCHORED}, {@code REPEATED_IDENTIFIER}, …); else null
     * @param granted the categories the decision granted
     * @param released the categories of the items the node actually sent and the view shows
     * @param matchStrength EXACT, STRONG or POSSIBLE (a confirmed or awaiting match); null when no one person matched
     * @param confirmation for NEEDS_CONFIRMATION only: the POSSIBLE match to confirm; else null
     * @param confirmed true when the record was released under the key-worker's confirmation of a POSSIBLE match
     * @param latencyMs null when the agency was not asked
     * @param withheld items the gateway withheld because the node sent them outside its grant or without one
     *        confirmed person (should always be 0)
     */
    public record AgencyResult(
            String agency,
            String name,
            AgencyStatus status,
            String reason,
            String reasonCode,
            List<String> granted,
            List<String> released,
            String basis,
            String matchStrength,
            Confirmation confirmation,
            boolean confirmed,
            Long latencyMs,
            int withheld) {
    }
}
