package org.goldenthread.gateway.federation;

import java.time.Duration;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/** One node's answer in one request: the status, and the record when it answered. */
record NodeAnswer(String agency, AgencyStatus status, String reason, GetSubjectRecordResponse record, Duration latency) {
}
