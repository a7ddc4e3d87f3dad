package org.goldenthread.gateway.federation;

import java.util.List;

/** The known-to answer: per agency, whether it works with the person and how to reach its lead worker. */
public record KnownTo(String requestId, String decisionId, List<AgencyInvolvement> agencies) {

    /**
     * One agency's answer.
     *
     * @param reason a sentence for the key-worker when the status is not OK (as in a view); else null
     * @param reasonCode the node's stable reason code when it refused (e.g. AMBIGUOUS_SUBJECT); else null
     * @param matchStrength EXACT or STRONG for a known person, POSSIBLE while awaiting confirmation; else null
     * @param involvement only where the agency knows the one person (OK) and the grant covers INVOLVEMENT
     * @param confirmation for NEEDS_CONFIRMATION only: the POSSIBLE match (its involvement inside, not above),
     *        whose {@code ref} a later view request may confirm
     */
    public record AgencyInvolvement(String agency, String name, AgencyStatus status, String reason, String reasonCode,
            String matchStrength, Involvement involvement, Confirmation confirmation, Long latencyMs) {
    }
}
