package org.goldenthread.gateway.federation;

import java.util.List;

/**
 * Counts across agencies: per agency its status (as in a federated view) and its buckets, and the
 * totals over the agencies that answered. A count from 1 to 4 is {@code suppressed} with no
 * {@code count}; a total with any suppressed part is suppressed too, so nothing can be worked out
 * by subtraction.
 *
 * @param decisionId consent-service's aggregate decision, which the node audit entries cite
 */
public record AggregateView(String requestId, String decisionId, String metric, List<Bucket> totals,
        List<AgencyCounts> agencies) {

    /** One group: its key ("RED", "early-help", "SECURE_HOUSING"), its count unless suppressed. */
    public record Bucket(String key, Long count, boolean suppressed) {
    }

    /**
     * @param categories the categories the agreement let this agency count over (empty when not permitted)
     * @param latencyMs null when the agency was not asked
     */
    public record AgencyCounts(String agency, String name, AgencyStatus status, String reason, List<String> categories,
            List<Bucket> buckets, Long latencyMs) {
    }
}
