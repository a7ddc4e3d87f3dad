package org.goldenthread.consent.consent;

import java.time.Instant;
import java.util.List;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * A consent to record, already validated at the edge.
 *
 * @param tokens the subject's linkage tokens; only the matchable kinds are kept
 * @param end null when open-ended
 */
public record NewConsent(
        List<LinkageToken> tokens,
        Instant start,
        Instant end,
        Evidence evidence,
        List<Provision> provisions,
        String recordedBy,
        String recordedByAgency) {

    public NewConsent {
        tokens = List.copyOf(tokens);
        provisions = List.copyOf(provisions);
    }
}
