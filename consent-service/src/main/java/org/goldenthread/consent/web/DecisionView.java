package org.goldenthread.consent.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.decision.AgencyDecision;
import org.goldenthread.consent.decision.ConsentDecision;
import org.goldenthread.consent.decision.Outcome;
import org.goldenthread.federation.Vocabulary;

/** A decision on the wire; {@code grant} and {@code expiresAt} are null when nothing was permitted. */
record DecisionView(String decisionId, String purpose, String grant, Instant expiresAt, List<AgencyView> agencies) {

    /** PERMIT carries categories, basis and recordId; DENY carries reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgencyView(String agency, String outcome, List<String> categories, String basis, String recordId,
            String reason) {
    }

    static DecisionView of(ConsentDecision d) {
        return new DecisionView(d.decisionId(), Vocabulary.name(d.purpose()), d.grant(), d.expiresAt(),
                d.agencies().stream().map(DecisionView::agency).toList());
    }

    private static AgencyView agency(AgencyDecision a) {
        if (a.outcome() == Outcome.DENY) {
            return new AgencyView(a.agency(), a.outcome().name(), null, null, null, a.reason());
        }
        return new AgencyView(a.agency(), a.outcome().name(),
                a.categories().stream().sorted().map(Vocabulary::name).toList(),
                Vocabulary.name(a.basis()), a.recordId(), null);
    }
}
