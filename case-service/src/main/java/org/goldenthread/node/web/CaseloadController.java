package org.goldenthread.node.web;

import java.util.List;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.Caseload;
import org.goldenthread.node.subject.Subject;
import org.goldenthread.node.subject.SubjectStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/caseload[?worker=display name]}: a worker's open cases with RAG and overdue
 * actions; the caller's own caseload when no worker is named.
 */
@RestController
class CaseloadController {

    private final Caseload caseload;
    private final SubjectStore subjects;

    CaseloadController(Caseload caseload, SubjectStore subjects) {
        this.caseload = caseload;
        this.subjects = subjects;
    }

    @GetMapping("/api/caseload")
    CaseloadView caseload(@RequestParam(required = false) String worker, @AuthenticationPrincipal Jwt user) {
        String whose = worker == null || worker.isBlank() ? Actor.nameOf(user) : worker;
        if (whose.length() > 200) {
            throw org.goldenthread.platform.web.RequestRejectedException.invalid("worker", "at most 200 characters");
        }
        List<Caseload.Item> items = caseload.of(whose);
        var refs = subjects.byIds(items.stream().map(i -> i.caseFile().subjectId()).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(Subject::id, Subject::ref));
        return new CaseloadView(whose, items.stream().map(i -> CaseloadView.OpenCase.of(i, refs.get(i.caseFile().subjectId())))
                .toList());
    }

    /** The caseload as JSON. */
    record CaseloadView(String worker, List<OpenCase> cases) {

        record OpenCase(String ref, String id, String subjectRef, String caseType, String category, String rag,
                String openedAt, List<Overdue> overdueActions) {

            static OpenCase of(Caseload.Item item, String subjectRef) {
                CaseFile c = item.caseFile();
                return new OpenCase(c.ref(), c.id(), subjectRef, c.caseType(),
                        org.goldenthread.federation.Vocabulary.name(c.category()), c.rag() == null ? null : c.rag().name(),
                        c.openedAt() == null ? null : c.openedAt().toString(),
                        item.overdue().stream().map(a -> new Overdue(a.ref(), a.id(), a.description(), a.ownerAgency(),
                                a.dueDate().toString())).toList());
            }
        }

        record Overdue(String ref, String id, String description, String ownerAgency, String dueDate) {
        }
    }
}
