package org.goldenthread.gateway.federation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.gateway.consent.Decision;
import org.goldenthread.gateway.consent.Decision.AgencyDecision;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/** Merges the nodes' answers into one view: items with provenance, newest first, one status per agency. */
final class ViewAssembler {

    private ViewAssembler() {
    }

    static FederatedView assemble(FederationEngine.Decided decided, List<NodeAnswer> answers) {
        Map<String, NodeAnswer> byAgency = answers.stream().collect(Collectors.toMap(NodeAnswer::agency, Function.identity()));
        List<FederatedView.AgencyResult> results = new ArrayList<>();
        List<ViewItems.CaseItem> cases = new ArrayList<>();
        List<ViewItems.EventItem> timeline = new ArrayList<>();
        List<ViewItems.ActionItem> actions = new ArrayList<>();
        List<ViewItems.RagItem> rag = new ArrayList<>();
        for (Agency agency : decided.candidates()) {
            NodeAnswer answer = byAgency.get(agency.id());
            if (answer == null) {
                results.add(new FederatedView.AgencyResult(agency.id(), agency.name(), AgencyStatus.NOT_PERMITTED,
                        decided.notAskedReason(agency.id()), null, List.of(), List.of(), null, null, null, false, null, 0));
                continue;
            }
            AgencyDecision outcome = decided.outcomes().get(agency.id());
            GetSubjectRecordResponse record = answer.record();
            results.add(new FederatedView.AgencyResult(agency.id(), agency.name(), answer.status(), answer.reason(),
                    answer.code(), outcome.categories(), record == null ? List.of() : released(record), outcome.basis(),
                    answer.matchStrength(), answer.confirmation(), answer.confirmed(),
                    answer.latency().toMillis(), answer.withheld()));
            if (record != null) {
                record.getCasesList().forEach(c -> cases.add(ViewItems.CaseItem.of(c)));
                record.getEventsList().forEach(e -> timeline.add(ViewItems.EventItem.of(e)));
                record.getPlanActionsList().forEach(a -> actions.add(ViewItems.ActionItem.of(a)));
                record.getRagHistoryList().forEach(r -> rag.add(ViewItems.RagItem.of(r)));
            }
        }
        timeline.sort(Comparator.comparing(ViewItems.EventItem::occurredAt, Comparator.nullsLast(Comparator.reverseOrder())));
        rag.sort(Comparator.comparing(ViewItems.RagItem::changedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        cases.sort(Comparator.comparing(ViewItems.CaseItem::openedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        Decision decision = decided.decision();
        return new FederatedView(decided.requestId(), decision.decisionId(), decision.purpose(), decision.breakGlass(),
                List.copyOf(results),
                List.copyOf(cases), List.copyOf(timeline), List.copyOf(actions), List.copyOf(rag));
    }

    /** The categories of the items the node actually sent, which may be fewer than granted. */
    private static List<String> released(GetSubjectRecordResponse record) {
        java.util.stream.Stream<Provenance> provenance = java.util.stream.Stream.of(
                        record.getCasesList().stream().map(c -> c.getProvenance()),
                        record.getEventsList().stream().map(e -> e.getProvenance()),
                        record.getPlanActionsList().stream().map(a -> a.getProvenance()),
                        record.getRagHistoryList().stream().map(r -> r.getProvenance()))
                .flatMap(s -> s);
        return provenance.map(Provenance::getCategory)
                .filter(c -> c != DataCategory.DATA_CATEGORY_UNSPECIFIED && c != DataCategory.UNRECOGNIZED)
                .distinct().sorted().map(Vocabulary::name).toList();
    }
}
