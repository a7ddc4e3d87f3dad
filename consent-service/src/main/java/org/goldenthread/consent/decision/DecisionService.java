package org.goldenthread.consent.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.consent.breakglass.BreakGlassService;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStore;
import org.goldenthread.consent.consent.SubjectTokens;
import org.goldenthread.consent.grant.GrantIssuer;
import org.goldenthread.consent.isa.IsaStore;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;
import org.springframework.stereotype.Service;

/**
 * Answers "may these agencies release what about this subject to this requester, for this
 * purpose?", issues the access grant for whatever is permitted, and logs the decision before
 * answering. Reads the consents and break-glass sessions on every call, and checks the agreement
 * snapshot against the store, so a withdrawal or termination binds the very next decision. A
 * break-glass justification opens a session (and its reviews) before deciding.
 */
@Service
public class DecisionService {

    /** Bounds the work per decision; far above any real subject's number of consent records. */
    static final int MAX_CONSENTS_PER_SUBJECT = 200;

    private final ConsentStore consents;
    private final IsaStore agreements;
    private final BreakGlassService breakGlass;
    private final GrantIssuer grants;
    private final DecisionLog log;
    private final Clock clock;
    private final Counter permitted;
    private final Counter denied;

    public DecisionService(ConsentStore consents, IsaStore agreements, BreakGlassService breakGlass,
            GrantIssuer grants, DecisionLog log, Clock clock, MeterRegistry meters) {
        this.consents = consents;
        this.agreements = agreements;
        this.breakGlass = breakGlass;
        this.grants = grants;
        this.log = log;
        this.clock = clock;
        // Registered once, not looked up in the registry for every agency answer.
        this.permitted = meters.counter("goldenthread.consent.decisions", "outcome", Outcome.PERMIT.name());
        this.denied = meters.counter("goldenthread.consent.decisions", "outcome", Outcome.DENY.name());
    }

    public ConsentDecision decide(Requester requester, DecisionRequest request) {
        Instant exact = clock.instant();
        // JWT times have whole seconds; the answer's expiresAt then equals the grant's exp exactly.
        Instant now = exact.truncatedTo(ChronoUnit.SECONDS);
        String decisionId = DecisionIds.next(exact);
        // No consent is about nobody: an aggregate decision rests on agreements alone (its purpose rules
        // out break-glass too), and its grant names no subject.
        String subjectDigest = request.aboutNobody() ? null : SubjectDigest.of(request.subjectTokens());
        List<BreakGlassSession> sessions = List.of();
        String sessionId = null;
        if (request.purpose() == Purpose.PURPOSE_SAFEGUARDING) {
            if (request.breakGlassJustification() != null) {
                sessionId = breakGlass.open(requester, subjectDigest, request.agencies(),
                        request.breakGlassJustification(), now).id();
            }
            sessions = breakGlass.sessionsOf(requester, subjectDigest, now);
        }
        // Consents are read on every decision, never cached: a withdrawal binds the very next one. Agreements
        // come from a snapshot checked against the store on every decision, so a termination binds it too.
        List<ConsentRecord> records = consents.findBySubject(SubjectTokens.keys(request.subjectTokens()),
                MAX_CONSENTS_PER_SUBJECT);
        Grounds grounds = new Grounds(records, agreements.findBySources(request.agencies()), sessions);
        List<AgencyDecision> answers = new ArrayList<>();
        Map<String, Set<DataCategory>> scopes = new LinkedHashMap<>();
        Map<String, LawfulBasis> bases = new LinkedHashMap<>();
        for (String source : request.agencies()) {
            AgencyDecision answer = DecisionRules.decide(source, requester.agency(), request.purpose(),
                    request.categories(), grounds, now);
            answers.add(answer);
            if (answer.outcome() == Outcome.PERMIT) {
                scopes.put(source, answer.categories());
                bases.put(source, answer.basis());
            }
            (answer.outcome() == Outcome.PERMIT ? permitted : denied).increment();
        }
        AccessGrant grant = scopes.isEmpty() ? null : grants.grantFor(decisionId, requester.user(), requester.agency(),
                request.purpose(), subjectDigest, scopes, bases, now);
        log.append(decisionId, request.purpose(), answers, grant == null ? null : grant.expiresAt(), requester,
                subjectDigest, request, sessionId, now);
        // Signed only once logged: nothing unlogged is ever released. Should signing fail now (a broken key:
        // every decision would), the log keeps the decision and the id of a grant that never left the service.
        return new ConsentDecision(decisionId, request.purpose(), grant == null ? null : grants.sign(grant),
                grant == null ? null : grant.expiresAt(), answers);
    }
}
