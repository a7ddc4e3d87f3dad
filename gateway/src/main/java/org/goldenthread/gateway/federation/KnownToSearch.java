package org.goldenthread.gateway.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.gateway.consent.Decision.AgencyDecision;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Known-to search: which agencies are working with this person, their lead worker and how to
 * reach them. Always purpose COORDINATION and category INVOLVEMENT, whatever the caller would
 * like: the partnership's ISA usually permits exactly this between all partners.
 */
@Component
public class KnownToSearch {

    private final FederationEngine engine;
    private final NodeCaller nodes;

    KnownToSearch(FederationEngine engine, NodeCaller nodes) {
        this.engine = engine;
        this.nodes = nodes;
    }

    public Mono<KnownTo> search(KnownToRequest request, Jwt user) {
        return engine.decide(user, request.subject(), "COORDINATION", request.agencies(), List.of("INVOLVEMENT"), null)
                .flatMap(decided -> engine.fanOut(user, "known-to", decided,
                        agency -> nodes.matchSubject(agency, MatchSubjectRequest.newBuilder().addAllTokens(decided.tokens()).build(),
                                decided.decision().grant(), decided.requestId()),
                        replies -> assemble(decided, replies),
                        answer -> answer.agencies().stream().collect(Collectors.toMap(KnownTo.AgencyInvolvement::agency,
                                KnownTo.AgencyInvolvement::status, (a, b) -> a, LinkedHashMap::new))));
    }

    private static KnownTo assemble(FederationEngine.Decided decided, List<NodeReply<MatchSubjectResponse>> replies) {
        Map<String, NodeReply<MatchSubjectResponse>> byAgency = replies.stream()
                .collect(Collectors.toMap(NodeReply::agency, Function.identity()));
        List<KnownTo.AgencyInvolvement> agencies = new ArrayList<>();
        for (Agency agency : decided.candidates()) {
            NodeReply<MatchSubjectResponse> reply = byAgency.get(agency.id());
            if (reply == null) {
                AgencyDecision outcome = decided.outcomes().get(agency.id());
                agencies.add(new KnownTo.AgencyInvolvement(agency.id(), agency.name(), AgencyStatus.NOT_PERMITTED,
                        outcome == null ? "consent-service gave no decision for this agency" : outcome.reason(), null, null, null));
                continue;
            }
            SubjectMatch best = reply.value() == null ? null : reply.value().getMatchesList().stream()
                    .max(Comparator.comparingInt(m -> m.getStrength().getNumber())).orElse(null);
            agencies.add(new KnownTo.AgencyInvolvement(agency.id(), agency.name(), reply.status(), reply.reason(),
                    best == null ? null : best.getStrength().name().substring("MATCH_STRENGTH_".length()),
                    best == null || !best.hasInvolvement() ? null : involvement(best),
                    reply.latency().toMillis()));
        }
        return new KnownTo(decided.requestId(), decided.decision().decisionId(), List.copyOf(agencies));
    }

    private static KnownTo.Involvement involvement(SubjectMatch match) {
        var i = match.getInvolvement();
        return new KnownTo.Involvement(i.getOpenCase(), blankToNull(i.getLeadWorker()), blankToNull(i.getTeam()),
                blankToNull(i.getContact()),
                i.hasSince() ? Instant.ofEpochSecond(i.getSince().getSeconds(), i.getSince().getNanos()) : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
