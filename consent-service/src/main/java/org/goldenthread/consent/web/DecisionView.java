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
 * {@code expiresAt} (the same for all of them) is null when nothing was permitted; {@code breakGlass} is there only
 * while the requester has a live break-glass session about the subject.
 */
record DecisionView(String decisionId, String purpose, Instant expiresAt, List<AgencyView> agencies,
        @JsonInclude(JsonInclude.Include.NON_NULL) BreakGlassView breakGlass) {

    /** The requester's live break-glass session about this subject: its id and end, for a countdown. */
    record BreakGlassView(String sessionId, Instant expiresAt) {
    }

    /** PERMIT carries categories, basis, recordId and grant; DENY carries reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgencyView(String agency, String outcome, List<String> categories, String basis, String recordId,
            String reason, String grant) {
    }

    static DecisionView of(ConsentDecision d) {
        return new DecisionView(d.decisionId(), Vocabulary.name(d.purpose()), d.expiresAt(),
                d.agencies().stream().map(a -> agency(a, d.grantFor(a.agency()))).toList(),
                d.breakGlass() == null ? null : new BreakGlassView(d.breakGlass().id(), d.breakGlass().endsAt()));
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
