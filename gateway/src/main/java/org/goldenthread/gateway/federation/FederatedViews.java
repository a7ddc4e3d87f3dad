package org.goldenthread.gateway.federation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The federated view: after the decision, every permitted node is asked in parallel for the
 * subject's records within its grant; what comes back is screened against the grant and merged
 * into one view with a status per agency.
 */
@Component
public class FederatedViews {

    private static final Logger log = LoggerFactory.getLogger(FederatedViews.class);

    private final FederationEngine engine;
    private final NodeCaller nodes;
    private final MeterRegistry meters;

    FederatedViews(FederationEngine engine, NodeCaller nodes, MeterRegistry meters) {
        this.engine = engine;
        this.nodes = nodes;
        this.meters = meters;
    }

    public Mono<FederatedView> view(ViewRequest request, Jwt user) {
        return engine.decide(user, request.subject(), request.purpose(), request.agencies(), request.categories(),
                        request.breakGlassJustification())
                .flatMap(decided -> engine.fanOut(user, "view", decided, agency -> ask(decided, agency),
                        answers -> ViewAssembler.assemble(decided.requestId(), decided.decision(), decided.candidates(),
                                decided.outcomes(), answers),
                        FederatedViews::statuses));
    }

    private Mono<NodeAnswer> ask(FederationEngine.Decided decided, Agency agency) {
        Set<DataCategory> granted = decided.outcomes().get(agency.id()).categories().stream()
                .map(Vocabulary::category).collect(Collectors.toUnmodifiableSet());
        GetSubjectRecordRequest ask = GetSubjectRecordRequest.newBuilder()
                .addAllTokens(decided.tokens()).addAllCategories(granted).build();
        return nodes.subjectRecord(agency, ask, decided.decision().grant(), decided.requestId())
                .map(answer -> answer.screened(granted))
                .doOnNext(this::reportWithheld);
    }

    private void reportWithheld(NodeAnswer answer) {
        if (answer.withheld() > 0) {
            meters.counter("goldenthread.federation.withheld", "agency", answer.agency()).increment(answer.withheld());
            log.warn("node {} sent {} item(s) outside its grant; withheld", answer.agency(), answer.withheld());
        }
    }

    private static Map<String, AgencyStatus> statuses(FederatedView view) {
        Map<String, AgencyStatus> statuses = new LinkedHashMap<>();
        view.agencies().forEach(a -> statuses.put(a.agency(), a.status()));
        return statuses;
    }
}
