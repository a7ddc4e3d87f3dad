package org.goldenthread.gateway.federation;

import java.time.Instant;
import java.util.List;

/** The known-to answer: per agency, whether it works with the person and how to reach its lead worker. */
public record KnownTo(String requestId, String decisionId, List<AgencyInvolvement> agencies) {

    /** One agency's answer; {@code involvement} only where it knows the person and the grant covers INVOLVEMENT. */
    public record AgencyInvolvement(String agency, String name, AgencyStatus status, String reason, String matchStrength,
            Involvement involvement, Long latencyMs) {
    }

    /** The known-to flag: nothing beyond this is released. */
    public record Involvement(boolean openCase, String leadWorker, String team, String contact, Instant since) {
    }
}
