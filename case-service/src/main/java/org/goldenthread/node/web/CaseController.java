package org.goldenthread.node.web;

import jakarta.validation.Valid;
import java.util.List;
import org.goldenthread.node.casework.ActionStatus;
import org.goldenthread.node.casework.ActionStore;
import org.goldenthread.node.casework.CaseDetails;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.CaseState;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.casework.EventKind;
import org.goldenthread.node.casework.EventStore;
import org.goldenthread.node.casework.Rag;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency's cases, their timeline events and plan actions, by its own references. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final SubjectStore subjects;
    private final CaseStore cases;
    private final EventStore events;
    private final ActionStore actions;

    CaseController(SubjectStore subjects, CaseStore cases, EventStore events, ActionStore actions) {
        this.subjects = subjects;
        this.cases = cases;
        this.events = events;
        this.actions = actions;
    }

    @PutMapping("/{ref}")
    ResponseEntity<SavedRef> saveCase(@PathVariable String ref, @Valid @RequestBody CaseBody body,
            @AuthenticationPrincipal Jwt user) {
        BodyFields.reference("ref", ref);
        String subjectId = subjects.byRef(BodyFields.reference("subjectRef", body.subjectRef()))
                .orElseThrow(() -> new RequestRejectedException(Problems.invalid("unknown-subject",
                        "the case's subject is not known to this node",
                        List.of(new Problems.FieldError("subjectRef", "no subject with this reference")))))
                .id();
        Rag rag = BodyFields.optionalOneOf(Rag.class, "rag", body.rag());
        Rag stored = cases.byRef(ref).map(CaseFile::rag).orElse(null);
        // Re-rating a case is a judgement the history must explain (who, when, why).
        if (stored != null && rag != null && rag != stored && (body.ragReason() == null || body.ragReason().isBlank())) {
            throw new RequestRejectedException(Problems.invalid("rag-reason-required",
                    "a change of RAG rating needs a reason",
                    List.of(new Problems.FieldError("ragReason", "required when the rating changes"))));
        }
        CaseDetails details = new CaseDetails(subjectId, body.caseType(),
                BodyFields.recordCategory("category", body.category()),
                BodyFields.oneOf(CaseState.class, "status", body.status()),
                BodyFields.instant("openedAt", body.openedAt()),
                BodyFields.optionalInstant("closedAt", body.closedAt()),
                body.leadWorker(), body.team(), body.contact(),
                rag, body.needs(), body.ragReason());
        return SavedRef.answer(ref, cases.save(ref, details, Actor.nameOf(user)));
    }

    @PutMapping("/{caseRef}/events/{ref}")
    ResponseEntity<SavedRef> saveEvent(@PathVariable String caseRef, @PathVariable String ref,
            @Valid @RequestBody EventBody body, @AuthenticationPrincipal Jwt user) {
        BodyFields.reference("ref", ref);
        CaseFile caseFile = existingCase(caseRef);
        return SavedRef.answer(ref, events.save(caseFile.id(), ref,
                BodyFields.oneOf(EventKind.class, "kind", body.kind()),
                BodyFields.recordCategory("category", body.category()),
                BodyFields.instant("occurredAt", body.occurredAt()),
                body.summary(), Actor.nameOf(user)));
    }

    @PutMapping("/{caseRef}/actions/{ref}")
    ResponseEntity<SavedRef> saveAction(@PathVariable String caseRef, @PathVariable String ref,
            @Valid @RequestBody ActionBody body, @AuthenticationPrincipal Jwt user) {
        BodyFields.reference("ref", ref);
        CaseFile caseFile = existingCase(caseRef);
        return SavedRef.answer(ref, actions.save(caseFile.id(), ref, body.description(), body.ownerAgency(),
                body.dueDate() == null || body.dueDate().isBlank() ? null : BodyFields.date("dueDate", body.dueDate()),
                BodyFields.oneOf(ActionStatus.class, "status", body.status()), Actor.nameOf(user)));
    }

    private CaseFile existingCase(String caseRef) {
        return cases.byRef(BodyFields.reference("caseRef", caseRef))
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "case-not-found",
                        "this node holds no case with that reference"));
    }
}
