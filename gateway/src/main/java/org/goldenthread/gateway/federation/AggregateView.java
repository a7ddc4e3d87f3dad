package org.goldenthread.gateway.federation;

import java.time.Instant;
import java.util.List;

/**
 * Counts across agencies: per agency its status (as in a federated view) and its buckets, and the
 * totals over the agencies that answered. Every count is as the node released it: rounded (to 5
 * unless the node is configured otherwise), and a group below the node's threshold is not there at
 * all, key included, exactly like an empty one. A total is the sum of the released counts under its
 * key, so it is never built from a withheld part.
 *
 * @param decisionId consent-service's aggregate decision, which the node audit entries cite
 * @param openedFrom the lower date bound that applied: the asked one widened to the first instant of its
 *     month (UTC); null when none was asked
 * @param openedTo the upper bound that applied (exclusive): the asked one widened to the next month's first
 *     instant unless it already was one; null when none was asked (or it widened past the year 9999)
 */
public record AggregateView(String requestId, String decisionId, String metric, Instant openedFrom, Instant openedTo,
        List<Bucket> totals, List<AgencyCounts> agencies) {

    /** One released group: its key ("RED", "early-help", "SECURE_HOUSING") and its rounded count. */
    public record Bucket(String key, long count) {
    }

    /**
     * @param categories the categories the agreement let this agency count over (empty when not permitted)
     * @param latencyMs null when the agency was not asked
     */
    public record AgencyCounts(String agency, String name, AgencyStatus status, String reason, List<String> categories,
            List<Bucket> buckets, Long latencyMs) {
    }
}
