package org.goldenthread.node.web;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.referral.Referral;
import org.goldenthread.node.referral.ReferralStatus;
import org.goldenthread.node.referral.ReferralStore;
import org.goldenthread.node.referral.ReferralTransitionException;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Referrals received by this agency: its staff list them and answer them. */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralStore referrals;
    private final SubjectStore subjects;
    private final CaseStore cases;

    ReferralController(ReferralStore referrals, SubjectStore subjects, CaseStore cases) {
        this.referrals = referrals;
        this.subjects = subjects;
        this.cases = cases;
    }

    @GetMapping
    ReferralList list(@RequestParam(required = false) String status) {
        ReferralStatus asked = status == null || status.isBlank() ? ReferralStatus.RECEIVED
                : BodyFields.oneOf(ReferralStatus.class, "status", status);
        List<Referral> found = referrals.withStatus(asked);
        Map<String, String> refs = refsOf(found);
        return new ReferralList(asked.name(), found.stream().map(r -> ReferralView.of(r, refs)).toList());
    }

    @GetMapping("/{id}")
    ReferralView get(@PathVariable String id) {
        return view(find(id));
    }

    @PostMapping("/{id}/accept")
    ReferralView accept(@PathVariable String id, @Valid @RequestBody(required = false) ReferralAnswerBody body,
            @AuthenticationPrincipal Jwt user) {
        find(id);
        String caseId = "";
        if (body != null && body.caseRef() != null && !body.caseRef().isBlank()) {
            caseId = cases.byRef(BodyFields.reference("caseRef", body.caseRef())).map(CaseFile::id)
                    .orElseThrow(() -> new RequestRejectedException(Problems.invalid("unknown-case",
                            "the case is not known to this node",
                            List.of(new Problems.FieldError("caseRef", "no case with this reference")))));
        }
        return move(id, ReferralStatus.ACCEPTED, "", caseId, user);
    }

    @PostMapping("/{id}/decline")
    ReferralView decline(@PathVariable String id, @Valid @RequestBody(required = false) ReferralAnswerBody body,
            @AuthenticationPrincipal Jwt user) {
        find(id);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw RequestRejectedException.invalid("reason", "declining a referral needs a reason");
        }
        return move(id, ReferralStatus.DECLINED, body.reason().strip(), "", user);
    }

    @PostMapping("/{id}/close")
    ReferralView close(@PathVariable String id, @AuthenticationPrincipal Jwt user) {
        Referral referral = find(id);
        return move(id, ReferralStatus.CLOSED, referral.reason(), referral.caseId(), user);
    }

    private ReferralView move(String id, ReferralStatus next, String reason, String caseId, Jwt user) {
        try {
            return view(referrals.move(id, next, ReferralStatus.Party.RECEIVER, reason, caseId, Actor.nameOf(user))
                    .orElseThrow(() -> notFound()));
        } catch (ReferralTransitionException e) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "referral-status-conflict",
                    "the referral is " + e.current() + " and cannot be " + next.name().toLowerCase() + " now");
        }
    }

    private Referral find(String id) {
        return referrals.byId(BodyFields.reference("id", id)).orElseThrow(ReferralController::notFound);
    }

    private static RequestRejectedException notFound() {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, "referral-not-found", "this node holds no referral with that id");
    }

    private ReferralView view(Referral referral) {
        return ReferralView.of(referral, refsOf(List.of(referral)));
    }

    /** References of the matched persons and accepted cases, by node id. */
    private Map<String, String> refsOf(List<Referral> found) {
        Map<String, String> refs = new HashMap<>();
        subjects.byIds(found.stream().flatMap(r -> r.matchedSubjectIds().stream()).distinct().toList())
                .forEach(s -> refs.put(s.id(), s.ref()));
        cases.byIds(found.stream().map(Referral::caseId).filter(c -> c != null && !c.isEmpty()).distinct().toList())
                .forEach(c -> refs.put(c.id(), c.ref()));
        return refs;
    }
}
