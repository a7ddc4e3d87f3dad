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
import org.goldenthread.consent.breakglass.BreakGlassService;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.common.IdentifierProblems;
import org.goldenthread.consent.grant.GrantIssuer;
import org.goldenthread.consent.isa.IsaStore;
import org.goldenthread.consent.person.ConsentResolver;
import org.goldenthread.consent.person.PersonConsents;
import org.goldenthread.consent.person.StoredConsentIndex;
import org.goldenthread.consent.review.AcknowledgementStore;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.proto.common.v1.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Answers "may these agencies release what about this person to this requester, for this
 * purpose?", issues one access grant per permitted agency, and logs the decision before
 * answering. Reads the person's consents on every call ({@link ConsentResolver}: every record
 * found through any of their identifiers, never a truncated list), and checks the agreement
 * snapshot against the store, so a withdrawal or termination binds the very next decision. A
 * request whose identifiers consent records show to be two people's is refused as a whole
 * (422, logged as refused) before any break-glass session opens. A break-glass justification
 * opens a session (and its reviews) before deciding.
 */
@Service
@EnableConfigurationProperties(DecisionProperties.class)
public class DecisionService {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final ConsentResolver resolver;
    private final IsaStore agreements;
    private final BreakGlassService breakGlass;
    private final GrantIssuer grants;
    private final DecisionLog log;
    private final AcknowledgementStore acknowledgements;
    private final SensitiveCategories sensitive;
    private final Clock clock;
    private final Counter permitted;
    private final Counter denied;

    public DecisionService(StoredConsentIndex consents, DecisionProperties properties, IsaStore agreements,
            BreakGlassService breakGlass, GrantIssuer grants, DecisionLog log, AcknowledgementStore acknowledgements,
            SensitiveCategories sensitive, Clock clock, MeterRegistry meters) {
        this.resolver = new ConsentResolver(consents, properties.maxRecords(), properties.maxLinkRounds());
        this.agreements = agreements;
        this.breakGlass = breakGlass;
        this.grants = grants;
        this.log = log;
        this.acknowledgements = acknowledgements;
        this.sensitive = sensitive;
        this.clock = clock;
        // Registered once, not looked up in the registry for every agency answer.
        this.permitted = meters.counter("goldenthread.consent.decisions", "outcome", Outcome.PERMIT.name());
        this.denied = meters.counter("goldenthread.consent.decisions", "outcome", Outcome.DENY.name());
    }

    public ConsentDecision decide(Requester requester, DecisionRequest request) {
        Instant exact = clock.instant();
        // JWT times have whole seconds; the answer's expiresAt then equals the grants' exp exactly.
        Instant now = exact.truncatedTo(ChronoUnit.SECONDS);
        String decisionId = DecisionIds.next(exact);
        // No consent is about nobody: an aggregate decision rests on agreements alone (its purpose rules
        // out break-glass too), and its grants name no subject.
        String subjectDigest = request.aboutNobody() ? null : SubjectDigest.of(request.subjectTokens());
        // Consents are read on every decision, never cached: a withdrawal binds the very next one.
        PersonConsents consents = request.aboutNobody() ? PersonConsents.nobody()
                : resolver.resolve(request.subjectTokens(), request.legacyTokens());
        if (consents.status() == PersonConsents.Status.IDENTIFIERS_DISAGREE) {
            refuse(decisionId, requester, request, subjectDigest, consents, now);
        }
        List<BreakGlassSession> sessions = List.of();
        String sessionId = null;
        if (request.purpose() == Purpose.PURPOSE_SAFEGUARDING) {
            if (request.breakGlassJustification() != null) {
                sessionId = breakGlass.open(requester, subjectDigest, request.agencies(),
                        request.breakGlassJustification(), now).id();
            }
            sessions = breakGlass.sessionsOf(requester, subjectDigest, now);
        }
        // Agreements come from a snapshot checked against the store on every decision, so a termination binds too.
        // Acknowledgements are read on every decision too (one primary-key read): a new revision needs its own.
        Acknowledged acknowledged = acknowledgements.among(consents.permitting(), request.agencies());
        List<AgencyDecision> answers = PersonDecision.decide(request, requester.agency(), consents,
                agreements.findBySources(request.agencies()), sessions, acknowledged, sensitive, now);
        List<GrantIssuer.Permit> permits = new ArrayList<>();
        for (AgencyDecision answer : answers) {
            if (answer.outcome() == Outcome.PERMIT) {
                // The consent records' own identity travels too: a node must find them, not just the request, in its person.
                permits.add(new GrantIssuer.Permit(answer.agency(), answer.categories(), answer.basis(), answer.anchors(),
                        consents.identityOf(answer.consentIds())));
            }
            (answer.outcome() == Outcome.PERMIT ? permitted : denied).increment();
        }
        List<AccessGrant> issued = permits.isEmpty() ? List.of() : grants.grantsFor(decisionId, requester.user(),
                requester.agency(), request.purpose(), subjectDigest, permits, now);
        Map<String, String> grantIds = new LinkedHashMap<>();
        issued.forEach(g -> grantIds.put(g.audience(), g.id()));
        Instant expiresAt = issued.isEmpty() ? null : issued.get(0).expiresAt();
        log.append(decisionId, requester, request, subjectDigest, answers, grantIds, expiresAt, sessionId, null, now);
        // Signed only once logged: nothing unlogged is ever released. Should signing fail now (a broken key:
        // every decision would), the log keeps the decision and the ids of grants that never left the service.
        Map<String, String> signed = new LinkedHashMap<>();
        issued.forEach(g -> signed.put(g.audience(), grants.sign(g)));
        return new ConsentDecision(decisionId, request.purpose(), expiresAt, answers, signed,
                BreakGlassService.newestLive(sessions, now));
    }

    /** Logs the request as refused (every agency DENY, no grant) and answers 422 {@code identifiers-disagree}. */
    private void refuse(String decisionId, Requester requester, DecisionRequest request, String subjectDigest,
            PersonConsents consents, Instant now) {
        List<AgencyDecision> answers = PersonDecision.decide(request, requester.agency(), consents, List.of(),
                List.of(), now);
        answers.forEach(a -> denied.increment());
        log.append(decisionId, requester, request, subjectDigest, answers, Map.of(), null, null,
                "identifiers-disagree", now);
        AUDIT.atWarn()
                .addKeyValue("audit.event", "identifiers-disagree")
                .addKeyValue("decision.id", decisionId)
                .addKeyValue("decision.user", requester.user())
                .addKeyValue("decision.agency", requester.agency())
                .addKeyValue("decision.kinds", PersonDecision.kinds(consents))
                .log("decision {} by {} of {} refused: identifiers disagree on consent records ({})", decisionId,
                        requester.user(), requester.agency(), PersonDecision.kinds(consents));
        throw IdentifierProblems.disagree(consents.disagreeing(), request.subjectTokens(), "subjectTokens", decisionId);
    }
}
