package org.goldenthread.gateway.federation;

import java.time.Duration;

/**
 * What one node said to one call: the status, the answer when there is one, how long it took, and
 * for a refusal the node's stable reason code ({@code code}, e.g. AMBIGUOUS_SUBJECT).
 */
record NodeReply<T>(String agency, AgencyStatus status, String reason, String code, T value, Duration latency) {

    /** The status a failed call stands for ({@link NodeRefusal}). */
    static <T> NodeReply<T> failed(String agency, Throwable error, Duration latency) {
        NodeRefusal refusal = NodeRefusal.of(error);
        return new NodeReply<>(agency, refusal.status(), refusal.reason(), refusal.code(), null, latency);
    }
}
