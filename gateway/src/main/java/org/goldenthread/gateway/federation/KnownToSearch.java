package org.goldenthread.gateway.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Known-to search: which agencies are working with this person, their lead worker and how to
 * reach them. Always purpose COORDINATION and category INVOLVEMENT, whatever the caller would
 * like: the partnership's ISA usually permits exactly this between all partners. Each node is
 * asked with its own grant, and its matches are read by the one-person rule ({@link MatchReading}):
 * a POSSIBLE match comes back as NEEDS_CONFIRMATION with a reference a later view may confirm.
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
        return engine.decide(user, request.subject(), "COORDINATION", request.agencies(), List.of("INVOLVEMENT"), null, List.of())
                .flatMap(decided -> engine.fanOut(user, "known-to", decided,
                        agency -> nodes.matchSubject(agency, MatchSubjectRequest.newBuilder().addAllTokens(decided.tokens()).build(),
                                decided.grantFor(agency.id()), decided.requestId()),
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
                agencies.add(new KnownTo.AgencyInvolvement(agency.id(), agency.name(), AgencyStatus.NOT_PERMITTED,
                        decided.notAskedReason(agency.id()), null, null, null, null, null));
            } else if (reply.value() == null) {
                agencies.add(new KnownTo.AgencyInvolvement(agency.id(), agency.name(), reply.status(), reply.reason(),
                        reply.code(), null, null, null, reply.latency().toMillis()));
            } else {
                MatchReading reading = MatchReading.of(agency.name(), reply.value().getMatchesList(), false);
                agencies.add(new KnownTo.AgencyInvolvement(agency.id(), agency.name(), reading.status(), reading.reason(),
                        reading.code(), reading.matchStrength(),
                        reading.person() == null ? null : Involvement.of(reading.person()),
                        reading.confirmation(), reply.latency().toMillis()));
            }
        }
        return new KnownTo(decided.requestId(), decided.decision().decisionId(), List.copyOf(agencies));
    }
}
