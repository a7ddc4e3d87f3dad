package org.goldenthread.node.web;

import jakarta.validation.Valid;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency's persons, by its own references. */
@RestController
@RequestMapping("/api/subjects")
class SubjectController {

    private final SubjectStore subjects;

    SubjectController(SubjectStore subjects) {
        this.subjects = subjects;
    }

    @PutMapping("/{ref}")
    ResponseEntity<SavedRef> save(@PathVariable String ref, @Valid @RequestBody SubjectBody body,
            @AuthenticationPrincipal Jwt user) {
        BodyFields.reference("ref", ref);
        return SavedRef.answer(ref, subjects.save(ref, body.toDetails(), Actor.nameOf(user)));
    }

    @GetMapping("/{ref}")
    SubjectView get(@PathVariable String ref) {
        return subjects.byRef(BodyFields.reference("ref", ref)).map(SubjectView::of)
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "subject-not-found",
                        "this node holds no subject with that reference"));
    }
}
