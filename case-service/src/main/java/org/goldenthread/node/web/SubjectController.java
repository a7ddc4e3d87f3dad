package org.goldenthread.node.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import org.goldenthread.node.subject.SubjectSearch;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agency's persons, by its own references, and the staff's search over them. */
@RestController
@RequestMapping("/api/subjects")
class SubjectController {

    static final int MAX_PAGE_SIZE = 100;

    private final SubjectStore subjects;
    private final SubjectSearch search;

    SubjectController(SubjectStore subjects, SubjectSearch search) {
        this.subjects = subjects;
        this.search = search;
    }

    /** Search by any of name, date of birth and identifier (at least one); paged, best match first. */
    @GetMapping
    SearchResults search(@RequestParam(required = false) String name, @RequestParam(required = false) String dateOfBirth,
            @RequestParam(required = false) String identifier, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        String nameAsked = blankToNull(name);
        String identifierAsked = blankToNull(identifier);
        if (nameAsked == null && blankToNull(dateOfBirth) == null && identifierAsked == null) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "search-criteria-required",
                    "search by at least one of name, dateOfBirth and identifier");
        }
        if (nameAsked != null && nameAsked.length() > 200) {
            throw RequestRejectedException.invalid("name", "at most 200 characters");
        }
        if (identifierAsked != null && !identifierAsked.matches("[A-Za-z0-9 ]{1,20}")) {
            throw RequestRejectedException.invalid("identifier", "an NHS or National Insurance number");
        }
        LocalDate born = blankToNull(dateOfBirth) == null ? null : BodyFields.date("dateOfBirth", dateOfBirth);
        int pageNumber = BodyFields.number("page", page, 0, 0, 10_000);
        int pageSize = BodyFields.number("size", size, 20, 1, MAX_PAGE_SIZE);
        return SearchResults.of(search.search(nameAsked, born, identifierAsked, pageNumber, pageSize), pageNumber, pageSize);
    }

    @PutMapping("/{ref}")
    ResponseEntity<SavedRef> save(@PathVariable String ref, @Valid @RequestBody SubjectBody body,
            @AuthenticationPrincipal Jwt user) {
        BodyFields.reference("ref", ref);
        return SavedRef.answer(ref, subjects.save(ref, body.toDetails(), Actor.nameOf(user)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @GetMapping("/{ref}")
    SubjectView get(@PathVariable String ref) {
        return subjects.byRef(BodyFields.reference("ref", ref)).map(SubjectView::of)
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "subject-not-found",
                        "this node holds no subject with that reference"));
    }
}
