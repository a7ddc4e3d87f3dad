package org.goldenthread.gateway.federation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.gateway.consent.AggregateDecisionRequest;
import org.goldenthread.gateway.consent.ConsentDecisions;
import org.goldenthread.gateway.consent.Decision;
import org.goldenthread.gateway.consent.Decision.AgencyDecision;
import org.goldenthread.gateway.consent.DecisionRequest;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.gateway.registry.AgencyDirectory;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The steps every federation request shares (ARCHITECTURE.md §5): linkage tokens from the
 * requester's identifiers, the candidate agencies from the registry, one consent decision, and
 * one audit record. What is then asked of the permitted nodes is the caller's part
 * ({@link FederatedViews}, {@link KnownToSearch}); agencies the decision does not permit are
 * never contacted.
 */
@Component
public class FederationEngine {

    private static final Logger audit = LoggerFactory.getLogger("goldenthread.federation.audit");

    private final LinkageTokens linkage;
    private final AgencyDirectory directory;
    private final ConsentDecisions consent;

    FederationEngine(LinkageTokens linkage, AgencyDirectory directory, ConsentDecisions consent) {
        this.linkage = linkage;
        this.directory = directory;
        this.consent = consent;
    }

    /**
     * A decided request: the candidates, the decision, the tokens to ask the permitted nodes with, and
     * the agencies the key-worker sent a match confirmation for.
     */
    record Decided(String requestId, Decision decision, List<Agency> candidates, List<LinkageToken> tokens,
            Map<String, AgencyDecision> outcomes, Set<String> confirmations) {

        /** The agencies the decision permits with a grant of their own: the only ones asked. */
        List<Agency> permitted() {
            return candidates.stream().filter(a -> outcomes.containsKey(a.id()) && outcomes.get(a.id()).granted()).toList();
        }

        /** The agency's own grant (audience that agency alone); null when it has none. */
        String grantFor(String agency) {
            AgencyDecision outcome = outcomes.get(agency);
            return outcome == null || !outcome.granted() ? null : outcome.grant();
        }

        /** Why an agency was not asked, for its NOT_PERMITTED status. */
        String notAskedReason(String agency) {
            AgencyDecision outcome = outcomes.get(agency);
            if (outcome == null) {
                return "consent-service gave no decision for this agency";
            }
            if (outcome.permitted()) {
                return "consent-service permitted this agency but issued no grant for it, so it was not asked";
            }
            return outcome.reason();
        }
    }

    /**
     * @param confirmationAgencies the agencies of the request's match confirmations, in request order
     *        (each must be in the registry and, when agencies are named, among them)
     */
    Mono<Decided> decide(Jwt user, SubjectIdentifiers subject, String purposeName, List<String> wantedAgencies,
            List<String> categoryNames, String breakGlassJustification, List<String> confirmationAgencies) {
        String purpose = Vocabulary.name(Vocabulary.purpose(purposeName));
        List<String> categories = categoryNames(categoryNames);
        List<LinkageToken> tokens = subjectTokens(subject);
        List<LinkageToken> legacy = linkage.legacyTokensFor(subject.identifiers());
        String requestId = UUID.randomUUID().toString();
        return directory.agencies()
                .map(registry -> {
                    checkConfirmations(registry, wantedAgencies, confirmationAgencies);
                    return candidates(registry, wantedAgencies);
                })
                .flatMap(candidates -> consent
                        .decide(user.getTokenValue(), new DecisionRequest(json(tokens), json(legacy), purpose,
                                candidates.stream().map(Agency::id).toList(), categories, breakGlassJustification))
                        .map(decision -> decided(requestId, decision, candidates, tokens, Set.copyOf(confirmationAgencies))));
    }

    /**
     * A decision about nobody in particular (purpose OUTCOME_EVIDENCE), for counts: no tokens, and
     * the grant names no subject.
     */
    Mono<Decided> decideAggregate(Jwt user, List<String> wantedAgencies, List<String> categoryNames) {
        List<String> categories = categoryNames(categoryNames);
        String requestId = UUID.randomUUID().toString();
        return directory.agencies()
                .map(registry -> candidates(registry, wantedAgencies))
                .flatMap(candidates -> consent
                        .decideAggregate(user.getTokenValue(), new AggregateDecisionRequest(AggregateCounts.PURPOSE,
                                candidates.stream().map(Agency::id).toList(), categories))
                        .map(decision -> decided(requestId, decision, candidates, List.of(), Set.of())));
    }

    private static Decided decided(String requestId, Decision decision, List<Agency> candidates, List<LinkageToken> tokens,
            Set<String> confirmations) {
        return new Decided(requestId, decision, candidates, tokens, decision.agencies().stream()
                .collect(Collectors.toMap(AgencyDecision::agency, d -> d, (a, b) -> a)), confirmations);
    }

    /**
     * Asks every agency the decision permits, in parallel ({@code ask} never fails: a node's failure is
     * its own status), then builds the answer and audits the request with each agency's status.
     */
    <R, A> Mono<A> fanOut(Jwt user, String operation, Decided decided, Function<Agency, Mono<R>> ask,
            Function<List<R>, A> assemble, Function<A, Map<String, AgencyStatus>> statuses) {
        return Flux.fromIterable(decided.permitted())
                .flatMap(ask)
                .collectList()
                .map(assemble)
                .doOnNext(answer -> audit(user, operation, decided, statuses.apply(answer)));
    }

    /**
     * Who asked, why, under which decision, what each agency answered, and which agencies were sent the
     * key-worker's confirmation of a POSSIBLE match (the fact only: never the reference); no personal data.
     */
    void audit(Jwt user, String operation, Decided decided, Map<String, AgencyStatus> statuses) {
        StringBuilder line = new StringBuilder();
        statuses.forEach((agency, status) -> line.append(agency).append('=').append(status).append(' '));
        List<Agency> asked = decided.permitted();
        String confirmed = asked.stream().map(Agency::id).filter(decided.confirmations()::contains)
                .collect(Collectors.joining(","));
        audit.info("federation {} request={} user={} agency={} purpose={} decision={} asked={} confirmed=[{}] statuses=[{}]",
                operation, decided.requestId(), user.getSubject(), user.getClaimAsString("agency"),
                decided.decision().purpose(), decided.decision().decisionId(), asked.size(), confirmed,
                line.toString().trim());
    }

    private List<LinkageToken> subjectTokens(SubjectIdentifiers subject) {
        List<LinkageToken> tokens = linkage.tokensFor(subject.identifiers());
        boolean identifying = tokens.stream().anyMatch(t -> t.getKind() != LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
        if (!identifying) {
            throw RequestRejectedException.invalid("subject",
                    "give an NHS number, a National Insurance number, or family name, given name and date of birth");
        }
        return tokens;
    }

    /** The categories asked for, in the vocabulary's spelling; an unknown one is refused (400) by the vocabulary. */
    private static List<String> categoryNames(List<String> asked) {
        return asked.stream().map(c -> Vocabulary.name(Vocabulary.category(c))).toList();
    }

    /** Every confirmation names an agency in the registry and, when the request names agencies, one of them. */
    private static void checkConfirmations(Map<String, Agency> registry, List<String> wanted, List<String> confirmationAgencies) {
        for (int i = 0; i < confirmationAgencies.size(); i++) {
            String id = confirmationAgencies.get(i);
            String field = "confirmations[" + i + "].agency";
            if (!registry.containsKey(id)) {
                ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-agency", "no agency '" + id + "' in the registry");
                problem.setProperty("errors", List.of(Map.of("field", field, "message", "no such agency in the registry")));
                throw new RequestRejectedException(problem);
            }
            if (!wanted.isEmpty() && !wanted.contains(id)) {
                throw RequestRejectedException.invalid(field, "not one of the agencies asked");
            }
        }
    }

    private static List<Agency> candidates(Map<String, Agency> registry, List<String> wanted) {
        if (wanted.isEmpty()) {
            return registry.values().stream().filter(Agency::active).sorted(Comparator.comparing(Agency::id)).toList();
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
}
