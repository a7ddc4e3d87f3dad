package org.goldenthread.consent.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.decision.AgencyDecision;
import org.goldenthread.consent.decision.ConsentDecision;
import org.goldenthread.consent.decision.Outcome;
import org.goldenthread.federation.Vocabulary;

/**
 * A decision on the wire. Each PERMIT carries its own grant (compact JWS: audience that agency alone);
 * {@code expiresAt} (the same for all of them) is null when nothing was permitted.
 */
record DecisionView(String decisionId, String purpose, Instant expiresAt, List<AgencyView> agencies) {

    /** PERMIT carries categories, basis, recordId and grant; DENY carries reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgencyView(String agency, String outcome, List<String> categories, String basis, String recordId,
            String reason, String grant) {
    }

    static DecisionView of(ConsentDecision d) {
        return new DecisionView(d.decisionId(), Vocabulary.name(d.purpose()), d.expiresAt(),
                d.agencies().stream().map(a -> agency(a, d.grantFor(a.agency()))).toList());
    }

    private static AgencyView agency(AgencyDecision a, String grant) {
        if (a.outcome() == Outcome.DENY) {
            return new AgencyView(a.agency(), a.outcome().name(), null, null, null, a.reason(), null);
        }
        return new AgencyView(a.agency(), a.outcome().name(),
                a.categories().stream().sorted().map(Vocabulary::name).toList(),
                Vocabulary.name(a.basis()), a.recordId(), null, grant);
    }
}
