package org.goldenthread.node.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.confirmation.ConfirmationRefs;
import org.goldenthread.node.subject.LocalMatch;
import org.goldenthread.node.subject.LocalSelection;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.node.v1.SubjectMatch;
import org.springframework.stereotype.Component;

/**
 * The {@code matches} of MatchSubject and GetSubjectRecord for a selection that may be answered:
 * the one person; or, when there are only POSSIBLE matches, each of them with a confirmation
 * reference for the requesting user (and INVOLVEMENT facts where released, nothing more); or none.
 */
@Component
class MatchAnswers {

    private final CaseStore cases;
    private final ConfirmationRefs refs;
    private final SensitiveCategories sensitive;

    MatchAnswers(CaseStore cases, ConfirmationRefs refs, SensitiveCategories sensitive) {
        this.cases = cases;
        this.refs = refs;
        this.sensitive = sensitive;
    }

    /**
     * @param matches the messages
     * @param recordIds what they release (persons, and open cases under INVOLVEMENT)
     * @param persons the audit's account of whom the call selected
     */
    record Answer(List<SubjectMatch> matches, List<String> recordIds, Release.Persons persons) {
    }

    /** The persons a selection answers with: the one, or the POSSIBLE matches, or none. */
    static List<LocalMatch> personsOf(LocalSelection selection) {
        return selection.outcome() == Outcome.ONE ? List.of(selection.chosen()) : selection.possible();
    }

    /** Every case of each of these persons, by person id. */
    Map<String, List<CaseFile>> casesOf(List<LocalMatch> persons) {
        return persons.isEmpty() ? Map.of() : cases.about(persons.stream().map(m -> m.subject().id()).toList())
                .stream().collect(Collectors.groupingBy(CaseFile::subjectId));
    }

    /**
     * @param covered the categories the grant gives the call for this agency (within what it asked): a
     *     case in a sensitive category lends its lead worker, team and contact only when it is among them
     * @param confirmationId the id of the confirmation the selection rests on, when it does; else null
     */
    Answer answer(LocalSelection selection, boolean withInvolvement, Set<DataCategory> covered,
            Map<String, List<CaseFile>> casesBySubject, AccessGrant grant, String confirmationId) {
        List<LocalMatch> persons = personsOf(selection);
        List<String> recordIds = new ArrayList<>();
        boolean possible = selection.outcome() == Outcome.POSSIBLE;
        List<SubjectMatch> matches = SubjectMatches.of(persons, withInvolvement, casesBySubject,
                sensitive.factsShownUnder(covered), m -> possible ? refs.issue(m.subject().id(), grant) : "", recordIds);
        List<String> ids = persons.stream().map(m -> m.subject().id()).toList();
        Release.Persons about = switch (selection.outcome()) {
            case ONE -> selection.confirmed()
                    ? new Release.Persons(ids, "CONFIRMED", confirmationId == null ? "" : confirmationId)
                    : Release.Persons.selected(selection.chosen());
            case POSSIBLE -> new Release.Persons(ids, "POSSIBLE", "");
            default -> Release.Persons.NOBODY;
        };
        return new Answer(matches, recordIds, about);
    }
}
