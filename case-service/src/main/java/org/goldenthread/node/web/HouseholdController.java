package org.goldenthread.node.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.node.household.Household;
import org.goldenthread.node.household.HouseholdMember;
import org.goldenthread.node.household.HouseholdStore;
import org.goldenthread.node.household.Relationship;
import org.goldenthread.node.subject.Subject;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Households by the agency's own references, and the households of a person. */
@RestController
class HouseholdController {

    private final HouseholdStore households;
    private final SubjectStore subjects;

    HouseholdController(HouseholdStore households, SubjectStore subjects) {
        this.households = households;
        this.subjects = subjects;
    }

    @PutMapping("/api/households/{ref}")
    ResponseEntity<SavedRef> save(@PathVariable String ref, @Valid @RequestBody HouseholdBody body,
            @AuthenticationPrincipal Jwt user) {
        BodyFields.reference("ref", ref);
        return SavedRef.answer(ref, households.save(ref, members(body.members()), Actor.nameOf(user)));
    }

    @GetMapping("/api/households/{ref}")
    HouseholdView get(@PathVariable String ref) {
        Household household = households.byRef(BodyFields.reference("ref", ref))
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "household-not-found",
                        "this node holds no household with that reference"));
        return HouseholdView.of(household, refsOf(List.of(household)));
    }

    @GetMapping("/api/subjects/{ref}/households")
    SubjectHouseholds ofSubject(@PathVariable String ref) {
        Subject subject = subjects.byRef(BodyFields.reference("ref", ref))
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "subject-not-found",
                        "this node holds no subject with that reference"));
        List<Household> found = households.of(subject.id());
        Map<String, String> refs = refsOf(found);
        return new SubjectHouseholds(subject.ref(), found.stream().map(h -> HouseholdView.of(h, refs)).toList());
    }

    /** Validates each membership; the same person twice only with periods that do not overlap. */
    private List<HouseholdMember> members(List<HouseholdBody.MemberBody> body) {
        List<HouseholdMember> members = new ArrayList<>();
        Map<String, String> idsByRef = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            HouseholdBody.MemberBody m = body.get(i);
            String field = "members[" + i + "]";
            String subjectRef = BodyFields.reference(field + ".subjectRef", m.subjectRef());
            Relationship relationship = BodyFields.oneOf(Relationship.class, field + ".relationship", m.relationship());
            LocalDate from = BodyFields.date(field + ".from", m.from());
            LocalDate to = m.to() == null || m.to().isBlank() ? null : BodyFields.date(field + ".to", m.to());
            if (to != null && to.isBefore(from)) {
                throw RequestRejectedException.invalid(field + ".to", "must not be before from");
            }
            String subjectId = idsByRef.computeIfAbsent(subjectRef, r -> subjects.byRef(r).map(Subject::id)
                    .orElseThrow(() -> new RequestRejectedException(Problems.invalid("unknown-subject",
                            "a member is not a subject known to this node",
                            List.of(new Problems.FieldError(field + ".subjectRef", "no subject with this reference"))))));
            HouseholdMember member = new HouseholdMember(subjectId, relationship, from, to);
            if (members.stream().anyMatch(other -> other.subjectId().equals(subjectId) && overlap(other, member))) {
                throw new RequestRejectedException(Problems.invalid("duplicate-member",
                        "the same person is listed twice for overlapping periods",
                        List.of(new Problems.FieldError(field + ".subjectRef", "already a member in this period"))));
            }
            members.add(member);
        }
        return members;
    }

    private static boolean overlap(HouseholdMember a, HouseholdMember b) {
        return (a.to() == null || !a.to().isBefore(b.from())) && (b.to() == null || !b.to().isBefore(a.from()));
    }

    private Map<String, String> refsOf(Collection<Household> found) {
        Map<String, String> refs = new HashMap<>();
        List<String> ids = found.stream().flatMap(h -> h.members().stream()).map(HouseholdMember::subjectId).distinct().toList();
        subjects.byIds(ids).forEach(s -> refs.put(s.id(), s.ref()));
        return refs;
    }
}
