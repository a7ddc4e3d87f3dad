package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.casework.ActionStore;
import org.goldenthread.node.casework.CaseAction;
import org.goldenthread.node.casework.CaseEvent;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.casework.EventCursor;
import org.goldenthread.node.casework.EventPage;
import org.goldenthread.node.casework.EventStore;
import org.goldenthread.node.subject.LocalMatch;
import org.goldenthread.node.subject.SubjectMatcher;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.RagChange;
import org.springframework.stereotype.Component;

/**
 * GetSubjectRecord: releases the categories the grant gives this agency, intersected with those
 * asked for. A case (with its plan actions and RAG history) goes out under the case's category; an
 * event under its own, so a HEALTH_MENTAL note on a CRIME case stays home without HEALTH_MENTAL.
 */
@Component
class GetSubjectRecordHandler {

    private final FederationCalls calls;
    private final SubjectMatcher matcher;
    private final CaseStore cases;
    private final EventStore events;
    private final ActionStore actions;
    private final String agencyId;

    GetSubjectRecordHandler(FederationCalls calls, SubjectMatcher matcher, CaseStore cases, EventStore events,
            ActionStore actions, NodeProperties node) {
        this.calls = calls;
        this.matcher = matcher;
        this.cases = cases;
        this.events = events;
        this.actions = actions;
        this.agencyId = node.agencyId();
    }

    void handle(GetSubjectRecordRequest request, StreamObserver<GetSubjectRecordResponse> out) {
        calls.serve("GetSubjectRecord", request.getTokensList(), request.getCategoriesList(), out,
                grant -> release(request, grant));
    }

    private Release<GetSubjectRecordResponse> release(GetSubjectRecordRequest request, AccessGrant grant)
            throws FederationRefusal {
        int pageSize = PageTokens.size(request.getPageSize());
        EventCursor after = PageTokens.events(request.getPageToken());
        MatchStrength minimum = minimumStrength(request.getMinimumStrength());
        Set<DataCategory> released = EnumSet.noneOf(DataCategory.class);
        released.addAll(grant.scopeOf(agencyId));
        if (!request.getCategoriesList().isEmpty()) {
            released.retainAll(request.getCategoriesList());
        }
        if (released.isEmpty()) {
            throw FederationRefusal.permissionDenied("CATEGORY_NOT_GRANTED",
                    "the access grant covers none of the categories asked for", grant);
        }

        List<LocalMatch> matches = matcher.match(request.getTokensList());
        List<String> releasedSubjects = matches.stream().filter(m -> m.atLeast(minimum)).map(m -> m.subject().id()).toList();
        List<CaseFile> all = matches.isEmpty() ? List.of() : cases.about(matches.stream().map(m -> m.subject().id()).toList());
        List<String> recordIds = new ArrayList<>();
        Map<String, List<CaseFile>> bySubject = all.stream().collect(Collectors.groupingBy(CaseFile::subjectId));
        GetSubjectRecordResponse.Builder response = GetSubjectRecordResponse.newBuilder()
                .addAllMatches(SubjectMatches.of(matches, released.contains(DataCategory.DATA_CATEGORY_INVOLVEMENT),
                        bySubject, recordIds))
                .addAllReleasedCategories(released);

        List<CaseFile> ofReleasedSubjects = all.stream().filter(c -> releasedSubjects.contains(c.subjectId()))
                .sorted(Comparator.comparing(CaseFile::id)).toList();
        List<CaseFile> releasedCases = ofReleasedSubjects.stream().filter(c -> released.contains(c.category())).toList();
        Map<String, CaseFile> caseById = releasedCases.stream().collect(Collectors.toMap(CaseFile::id, c -> c));
        if (after == null) {
            for (CaseFile c : releasedCases) {
                response.addCases(RecordMapping.caseOf(c, agencyId));
                recordIds.add(c.id());
            }
            for (CaseAction a : actions.of(caseById.keySet())) {
                response.addPlanActions(RecordMapping.actionOf(a, caseById.get(a.caseId()), agencyId));
                recordIds.add(a.id());
            }
            response.addAllRagHistory(ragHistory(releasedCases, recordIds));
        }
        EventPage page = events.page(ofReleasedSubjects.stream().map(CaseFile::id).toList(), released, after, pageSize);
        for (CaseEvent e : page.events()) {
            response.addEvents(RecordMapping.eventOf(e, agencyId));
            recordIds.add(e.id());
        }
        response.setNextPageToken(PageTokens.events(page.next()));
        return new Release<>(response.build(), List.copyOf(released), recordIds);
    }

    private List<RagChange> ragHistory(List<CaseFile> releasedCases, List<String> recordIds) {
        List<RagChange> changes = new ArrayList<>();
        for (CaseFile c : releasedCases) {
            for (int i = 0; i < c.ragHistory().size(); i++) {
                changes.add(RecordMapping.ragChangeOf(c, i, agencyId));
                recordIds.add(RecordMapping.ragRecordId(c, i));
            }
        }
        changes.sort(Comparator.comparing((RagChange r) -> r.getChangedAt().getSeconds())
                .thenComparing(r -> r.getChangedAt().getNanos()).reversed());
        return changes;
    }

    private static MatchStrength minimumStrength(MatchStrength asked) throws FederationRefusal {
        if (asked == MatchStrength.UNRECOGNIZED) {
            throw FederationRefusal.invalidArgument("BAD_MINIMUM_STRENGTH", "minimum_strength is not a known strength");
        }
        // POSSIBLE matches need confirmation by a person, so their records go out only when asked for.
        return asked == MatchStrength.MATCH_STRENGTH_UNSPECIFIED ? MatchStrength.MATCH_STRENGTH_STRONG : asked;
    }
}
