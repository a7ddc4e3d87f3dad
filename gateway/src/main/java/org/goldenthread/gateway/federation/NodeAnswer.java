package org.goldenthread.gateway.federation;

import java.time.Duration;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/**
 * One node's answer in one request: the status, the record when it answered, and how many items
 * the gateway withheld because they fell outside the node's grant.
 */
record NodeAnswer(String agency, AgencyStatus status, String reason, GetSubjectRecordResponse record, Duration latency,
        int withheld) {

    NodeAnswer(String agency, AgencyStatus status, String reason, GetSubjectRecordResponse record, Duration latency) {
        this(agency, status, reason, record, latency, 0);
    }

    /** This answer with its record screened against the agency's grant. */
    NodeAnswer screened(java.util.Set<org.goldenthread.proto.common.v1.DataCategory> granted) {
        if (record == null) {
            return this;
        }
        ScopeGuard.Screened screened = ScopeGuard.screen(agency, granted, record);
        if (screened.withheld() == 0) {
            return this;
        }
        return new NodeAnswer(agency, status, "the node sent " + screened.withheld()
                + " item(s) outside its grant; the gateway withheld them", screened.record(), latency, screened.withheld());
    }
}
