package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.casework.ActionStore;
import org.goldenthread.node.casework.CaseAction;
import org.goldenthread.node.casework.CaseEvent;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.EventCursor;
import org.goldenthread.node.casework.EventPage;
import org.goldenthread.node.casework.EventStore;
import org.goldenthread.node.confirmation.BadConfirmationException;
import org.goldenthread.node.confirmation.ConfirmationRefs;
import org.goldenthread.node.subject.LocalMatch;
import org.goldenthread.node.subject.LocalSelection;
import org.goldenthread.node.subject.SubjectMatcher;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.RagChange;
import org.springframework.stereotype.Component;

/**
 * GetSubjectRecord: the records of the one local person the request is about ({@link OnePersonRule}),
 * in the categories the grant gives this agency intersected with those asked for, never under
 * INVOLVEMENT nor under purpose COORDINATION ({@link RecordCategories}). A case (with its
 * plan actions and RAG history) goes out under the case's category; an event under its own, so a
 * HEALTH_MENTAL note on a CRIME case stays home without HEALTH_MENTAL. Only POSSIBLE matches: they
 * are answered with confirmation references and INVOLVEMENT facts at most, and records follow only
 * under {@code confirmed_match}, a reference the requesting user confirmed.
 */
@Component
class GetSubjectRecordHandler {

    private final FederationCalls calls;
    private final SubjectMatcher matcher;
    private final MatchAnswers answers;
    private final EventStore events;
    private final ActionStore actions;
    private final EventPageTokens pageTokens;
    private final ConfirmationRefs refs;
    private final String agencyId;

    GetSubjectRecordHandler(FederationCalls calls, SubjectMatcher matcher, MatchAnswers answers, EventStore events,
            ActionStore actions, EventPageTokens pageTokens, ConfirmationRefs refs, NodeProperties node) {
        this.calls = calls;
        this.matcher = matcher;
        this.answers = answers;
        this.events = events;
        this.actions = actions;
        this.pageTokens = pageTokens;
        this.refs = refs;
        this.agencyId = node.agencyId();
    }

    void handle(GetSubjectRecordRequest request, StreamObserver<GetSubjectRecordResponse> out) {
        calls.serve("GetSubjectRecord", request.getTokensList(), request.getCategoriesList(),
                grant -> pageTokens.continuation(request.getPageToken(), grant), out, grant -> release(request, grant));
    }

    private Release<GetSubjectRecordResponse> release(GetSubjectRecordRequest request, AccessGrant grant)
            throws FederationRefusal {
        int pageSize = PageTokens.size(request.getPageSize());
        EventCursor after = pageTokens.read(request.getPageToken(), grant);
        MatchStrength minimum = minimumStrength(request.getMinimumStrength());
        RecordCategories categories = RecordCategories.of(grant, agencyId, request.getCategoriesList());
        List<DataCategory> released = List.copyOf(categories.released());
        Set<DataCategory> records = categories.records();
        ConfirmationRefs.Confirmed confirmed = confirmed(request, grant);
        LocalSelection selection = OnePersonRule.require(matcher.select(request.getTokensList(), grant.anchors(),
                grant.basisIdentity(), confirmed == null ? null : confirmed.subjectId()), grant);
        if (confirmed != null && selection.outcome() == Outcome.POSSIBLE && selection.possible().stream()
                .anyMatch(m -> m.subject().id().equals(confirmed.subjectId()))) {
            // Confirmed, yet still only possible: the consent record's own national identifier rules the person
            // out. Saying so ends the loop a new reference would start (confirm, refused, confirm again).
            throw OnePersonRule.notAnchored(grant);
        }
        boolean involvement = categories.involvement();
        List<LocalMatch> persons = MatchAnswers.personsOf(selection);
        Map<String, List<CaseFile>> bySubject = answers.casesOf(persons);
        MatchAnswers.Answer answer = answers.answer(selection, involvement, categories.covered(), bySubject, grant,
                confirmed == null ? null : confirmed.id());
        List<String> recordIds = new ArrayList<>(answer.recordIds());
        GetSubjectRecordResponse.Builder response = GetSubjectRecordResponse.newBuilder().addAllMatches(answer.matches());
        if (selection.outcome() == Outcome.POSSIBLE) {
            // Perhaps the person: the known-to facts at most until a person confirms.
            List<DataCategory> shown = involvement ? List.of(DataCategory.DATA_CATEGORY_INVOLVEMENT) : List.of();
            return new Release<>(response.addAllReleasedCategories(shown).build(), shown, recordIds, answer.persons());
        }
        response.addAllReleasedCategories(released);
        LocalMatch one = selection.chosen();
        if (one == null || !selection.confirmed() && !one.atLeast(minimum) || records.isEmpty()) {
            // No records under INVOLVEMENT alone or under COORDINATION: the matches' known-to facts are the answer.
            return new Release<>(response.build(), released, recordIds, answer.persons());
        }
        List<CaseFile> theirs = bySubject.getOrDefault(one.subject().id(), List.of()).stream()
                .sorted(Comparator.comparing(CaseFile::id)).toList();
        List<CaseFile> releasedCases = theirs.stream().filter(c -> records.contains(c.category())).toList();
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
        EventPage page = events.page(theirs.stream().map(CaseFile::id).toList(), records, after, pageSize);
        for (CaseEvent e : page.events()) {
            response.addEvents(RecordMapping.eventOf(e, agencyId));
            recordIds.add(e.id());
        }
        response.setNextPageToken(pageTokens.issue(page.next(), grant));
        return new Release<>(response.build(), released, recordIds, answer.persons());
    }

    /** The confirmed match the request carries, verified against the grant; null when it carries none. */
    private ConfirmationRefs.Confirmed confirmed(GetSubjectRecordRequest request, AccessGrant grant)
            throws FederationRefusal {
        if (request.getConfirmedMatch().isEmpty()) {
            return null;
        }
        try {
            return refs.verify(request.getConfirmedMatch(), grant);
        } catch (BadConfirmationException e) {
            throw FederationRefusal.permissionDenied("BAD_CONFIRMATION", e.getMessage(), grant);
        }
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
        // A POSSIBLE match is never released on asking alone: it takes a confirmed_match (above).
        return asked == MatchStrength.MATCH_STRENGTH_UNSPECIFIED ? MatchStrength.MATCH_STRENGTH_STRONG : asked;
    }
}
