package org.goldenthread.gateway.federation;

import java.util.List;

/**
 * The joined-up view: every item carries its provenance, and every agency considered has one
 * status, with the consent reason where it was not permitted.
 */
public record FederatedView(
        String requestId,
        String decisionId,
        String purpose,
        List<AgencyResult> agencies,
        List<ViewItems.CaseItem> cases,
        List<ViewItems.EventItem> timeline,
        List<ViewItems.ActionItem> planActions,
        List<ViewItems.RagItem> ragHistory) {

    /**
     * One agency's part in the request: its status, the consent reason when not permitted, the
     * categories the decision granted and those the node actually released, and how many items
     * the gateway withheld because the node sent them outside its grant (should always be 0).
     */
    public record AgencyResult(
            String agency,
            String name,
            AgencyStatus status,
            String reason,
            List<String> granted,
            List<String> released,
            String basis,
            String matchStrength,
            Long latencyMs,
            int withheld) {
    }
}
