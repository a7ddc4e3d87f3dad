package org.goldenthread.consent.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * A decision as answered to the requester.
 *
 * @param expiresAt when the grants expire (all alike), null when nothing was permitted
 * @param grants per permitted agency, its own signed access grant (compact JWS); empty when nothing was permitted
 * @param breakGlass the requester's newest live break-glass session about this subject (for a countdown); null
 *     for none
 */
public record ConsentDecision(String decisionId, Purpose purpose, Instant expiresAt, List<AgencyDecision> agencies,
        Map<String, String> grants, BreakGlassSession breakGlass) {

    public ConsentDecision(String decisionId, Purpose purpose, Instant expiresAt, List<AgencyDecision> agencies,
            Map<String, String> grants) {
        this(decisionId, purpose, expiresAt, agencies, grants, null);
    }

    public ConsentDecision {
        agencies = List.copyOf(agencies);
        grants = Map.copyOf(grants);
    }

    /** The agency's grant; null when it was not permitted. */
    public String grantFor(String agency) {
        return grants.get(agency);
    }
}
