package org.goldenthread.gateway.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.gateway.consent.ConsentDecisions;
import org.goldenthread.gateway.consent.Decision;
import org.goldenthread.gateway.consent.Decision.AgencyDecision;
import org.goldenthread.gateway.consent.DecisionRequest;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.gateway.registry.AgencyDirectory;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The federated view (ARCHITECTURE.md §5): linkage tokens from the requester's identifiers, one
 * consent decision, a parallel fan-out to the permitted agencies only, each with the grant, then
 * one merged view with a status per agency. Agencies the decision does not permit are never
 * contacted.
 */
@Component
public class FederationEngine {

    private static final Logger audit = LoggerFactory.getLogger("goldenthread.federation.audit");
    private static final Logger log = LoggerFactory.getLogger(FederationEngine.class);

    private final LinkageTokens linkage;
    private final AgencyDirectory directory;
    private final ConsentDecisions consent;
    private final NodeCaller nodes;
    private final MeterRegistry meters;

    FederationEngine(LinkageTokens linkage, AgencyDirectory directory, ConsentDecisions consent, NodeCaller nodes,
            MeterRegistry meters) {
        this.linkage = linkage;
        this.directory = directory;
        this.consent = consent;
        this.nodes = nodes;
        this.meters = meters;
    }

    public Mono<FederatedView> view(ViewRequest request, Jwt user) {
        String purpose = Vocabulary.name(Vocabulary.purpose(request.purpose()));
        List<String> categories = request.categories().stream().map(c -> Vocabulary.name(Vocabulary.category(c))).toList();
        List<LinkageToken> tokens = subjectTokens(request);
        String requestId = UUID.randomUUID().toString();
        return directory.agencies()
                .map(registry -> candidates(registry, request.agencies()))
                .flatMap(candidates -> consent
                        .decide(user.getTokenValue(), new DecisionRequest(json(tokens), purpose,
                                candidates.stream().map(Agency::id).toList(), categories, request.breakGlassJustification()))
                        .flatMap(decision -> fanOut(requestId, decision, candidates, tokens))
                        .doOnNext(view -> audit(user, view, candidates)));
    }

    private Mono<FederatedView> fanOut(String requestId, Decision decision, List<Agency> candidates, List<LinkageToken> tokens) {
        Map<String, AgencyDecision> outcomes = decision.agencies().stream()
                .collect(java.util.stream.Collectors.toMap(AgencyDecision::agency, d -> d, (a, b) -> a));
        List<Mono<NodeAnswer>> calls = new ArrayList<>();
        for (Agency agency : candidates) {
            AgencyDecision outcome = outcomes.get(agency.id());
            if (outcome != null && outcome.permitted() && decision.grant() != null) {
                Set<DataCategory> granted = outcome.categories().stream().map(Vocabulary::category)
                        .collect(Collectors.toUnmodifiableSet());
                GetSubjectRecordRequest ask = GetSubjectRecordRequest.newBuilder().addAllTokens(tokens).addAllCategories(granted).build();
                calls.add(nodes.subjectRecord(agency.id(), agency.grpcTarget(), ask, decision.grant(), requestId)
                        .map(answer -> answer.screened(granted))
                        .doOnNext(this::reportWithheld));
            }
        }
        return Flux.merge(calls).collectList()
                .map(answers -> ViewAssembler.assemble(requestId, decision, candidates, outcomes, answers));
    }

    private void reportWithheld(NodeAnswer answer) {
        if (answer.withheld() > 0) {
            meters.counter("goldenthread.federation.withheld", "agency", answer.agency()).increment(answer.withheld());
            log.warn("node {} sent {} item(s) outside its grant; withheld", answer.agency(), answer.withheld());
        }
    }

    private List<LinkageToken> subjectTokens(ViewRequest request) {
        List<LinkageToken> tokens = linkage.tokensFor(request.subject().identifiers());
        boolean identifying = tokens.stream().anyMatch(t -> t.getKind() != LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
        if (!identifying) {
            throw RequestRejectedException.invalid("subject",
                    "give an NHS number, a National Insurance number, or family name, given name and date of birth");
        }
        return tokens;
    }

    private static List<Agency> candidates(Map<String, Agency> registry, List<String> wanted) {
        if (wanted.isEmpty()) {
            return registry.values().stream().filter(Agency::active)
                    .sorted(java.util.Comparator.comparing(Agency::id)).toList();
        }
        List<Agency> chosen = new ArrayList<>();
        for (String id : wanted.stream().distinct().toList()) {
            Agency agency = registry.get(id);
            if (agency == null) {
                throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "unknown-agency", "no agency '" + id + "' in the registry");
            }
            if (agency.active()) {
                chosen.add(agency);
            }
        }
        return chosen;
    }

    private static List<DecisionRequest.SubjectToken> json(List<LinkageToken> tokens) {
        return tokens.stream().map(t -> new DecisionRequest.SubjectToken(
                t.getKind().name().substring("LINKAGE_TOKEN_KIND_".length()), t.getKeyId(), t.getValue())).toList();
    }

    /** Who asked, why, under which decision, and what each agency answered; no personal data. */
    private static void audit(Jwt user, FederatedView view, List<Agency> candidates) {
        StringBuilder statuses = new StringBuilder();
        view.agencies().forEach(a -> statuses.append(a.agency()).append('=').append(a.status()).append(' '));
        audit.info("federated view request={} user={} agency={} purpose={} decision={} asked={} statuses=[{}]",
                view.requestId(), user.getSubject(), user.getClaimAsString("agency"), view.purpose(),
                view.decisionId(), candidates.size(), statuses.toString().trim());
    }
}
