package org.goldenthread.gateway.federation;

import java.time.Duration;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/**
 * One node's answer to a view: the status, the record when it may be shown (screened against the
 * agency's grant), the match and its confirmation, and how many items the gateway withheld because
 * the node sent them outside its grant or without one confirmed person.
 *
 * @param code the node's stable reason code when it refused (e.g. AMBIGUOUS_SUBJECT); else null
 * @param confirmed true when the record was released under the key-worker's confirmation of a POSSIBLE match
 */
record NodeAnswer(String agency, AgencyStatus status, String reason, String code, GetSubjectRecordResponse record,
        String matchStrength, Confirmation confirmation, boolean confirmed, Duration latency, int withheld) {

    /** The answer a reply stands for, read by the one-person rule and screened against the grant. */
    static NodeAnswer of(NodeReply<GetSubjectRecordResponse> reply, String agencyName, boolean confirmationSent,
            Set<DataCategory> granted) {
        GetSubjectRecordResponse sent = reply.value();
        if (sent == null) {
            return new NodeAnswer(reply.agency(), reply.status(), reply.reason(), reply.code(), null, null, null, false,
                    reply.latency(), 0);
        }
        MatchReading reading = MatchReading.of(agencyName, sent.getMatchesList(), confirmationSent);
        ScopeGuard.Screened screened = reading.releases()
                ? ScopeGuard.screen(reply.agency(), granted, sent)
                : ScopeGuard.withholdAll(sent);
        String reason = reading.reason();
        if (screened.withheld() > 0) {
            String why = reading.releases() ? "outside its grant" : "without one confirmed person";
            String note = "the node sent " + screened.withheld() + " item(s) " + why + "; the gateway withheld them";
            reason = reason == null ? note : reason + " (" + note + ")";
        }
        return new NodeAnswer(reply.agency(), reading.status(), reason, reading.code(),
                reading.releases() ? screened.record() : null, reading.matchStrength(), reading.confirmation(),
                reading.confirmed(), reply.latency(), screened.withheld());
    }
}
