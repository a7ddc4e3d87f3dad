package org.goldenthread.gateway.federation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The federated view: after the decision, every permitted node is asked in parallel, each with its
 * own grant, for the subject's records; what comes back is read by the one-person rule
 * ({@link MatchReading}), screened against the grant and merged into one view with a status per agency.
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
        String purpose = request.viewPurpose();
        Map<String, String> confirmations = request.confirmedRefs();
        return engine.decide(user, request.subject(), purpose, request.agencies(), request.categories(),
                        request.breakGlassJustification(), List.copyOf(confirmations.keySet()))
                .flatMap(decided -> engine.fanOut(user, "view", decided,
                        agency -> ask(decided, agency, confirmations.get(agency.id())),
                        answers -> ViewAssembler.assemble(decided, answers),
                        FederatedViews::statuses));
    }

    /** One agency, with its own grant, and the key-worker's confirmation for it alone (if any). */
    private Mono<NodeAnswer> ask(FederationEngine.Decided decided, Agency agency, String confirmedRef) {
        Set<DataCategory> granted = decided.outcomes().get(agency.id()).categories().stream()
                .map(Vocabulary::category).collect(Collectors.toUnmodifiableSet());
        GetSubjectRecordRequest.Builder ask = GetSubjectRecordRequest.newBuilder()
                .addAllTokens(decided.tokens()).addAllCategories(granted);
        if (confirmedRef != null) {
            ask.setConfirmedMatch(confirmedRef);
        }
        return nodes.subjectRecord(agency, ask.build(), decided.grantFor(agency.id()), decided.requestId())
                .map(reply -> NodeAnswer.of(reply, agency.name(), confirmedRef != null, granted))
                .doOnNext(this::reportWithheld);
    }

    private void reportWithheld(NodeAnswer answer) {
        if (answer.withheld() > 0) {
            meters.counter("goldenthread.federation.withheld", "agency", answer.agency()).increment(answer.withheld());
            log.warn("node {} sent {} item(s) outside its grant or without one confirmed person; withheld",
                    answer.agency(), answer.withheld());
        }
    }

    private static Map<String, AgencyStatus> statuses(FederatedView view) {
        Map<String, AgencyStatus> statuses = new LinkedHashMap<>();
        view.agencies().forEach(a -> statuses.put(a.agency(), a.status()));
        return statuses;
    }
}
