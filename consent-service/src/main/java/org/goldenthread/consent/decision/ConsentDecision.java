package org.goldenthread.consent.decision;

import java.time.Instant;
import java.util.List;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * A decision as answered to the requester.
 *
 * @param grant the signed access grant, null when nothing was permitted
 * @param expiresAt when the grant expires, null without a grant
 */
public record ConsentDecision(String decisionId, Purpose purpose, String grant, Instant expiresAt,
        List<AgencyDecision> agencies) {

    public ConsentDecision {
        agencies = List.copyOf(agencies);
    }
}
