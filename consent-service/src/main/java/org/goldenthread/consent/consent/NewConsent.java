package org.goldenthread.consent.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * A consent to record, already validated at the edge.
 *
 * @param tokens the subject's linkage tokens; only the matchable kinds are kept
 * @param end null when open-ended
 * @param consentedOn the day the family actually consented, as the recorder states it; null when not stated
 * @param backdatingReason why the period starts well before today, as written; null when not stated
 */
public record NewConsent(
        List<LinkageToken> tokens,
        Instant start,
        Instant end,
        Evidence evidence,
        List<Provision> provisions,
        String recordedBy,
        String recordedByAgency,
        LocalDate consentedOn,
        String backdatingReason) {

    public NewConsent {
        tokens = List.copyOf(tokens);
        provisions = List.copyOf(provisions);
    }
}
