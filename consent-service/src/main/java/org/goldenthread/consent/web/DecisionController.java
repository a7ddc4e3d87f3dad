package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.goldenthread.consent.aggregate.AggregateBudget;
import org.goldenthread.consent.common.IdentifierProblems;
import org.goldenthread.consent.consent.SubjectTokens;
import org.goldenthread.consent.decision.DecisionRequest;
import org.goldenthread.consent.decision.DecisionService;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: the gateway asks for a decision with the user's own bearer token forwarded, so the
 * requester is whoever that token names.
 */
@RestController
class DecisionController {

    private final DecisionService decisions;
    private final AggregateBudget budget;

    DecisionController(DecisionService decisions, AggregateBudget budget) {
        this.decisions = decisions;
        this.budget = budget;
    }

    @PostMapping("/decisions")
    DecisionView decide(@AuthenticationPrincipal Jwt token, @Valid @RequestBody DecisionBody body) {
        var requester = Callers.of(token);
        Purpose purpose = Terms.purpose(body.purpose(), "purpose");
        List<LinkageToken> subject = tokens(body.subjectTokens(), "subjectTokens");
        IdentifierProblems.requireOnePerson(subject, "subjectTokens");
        var request = new DecisionRequest(subject, purpose,
                List.copyOf(new LinkedHashSet<>(body.agencies())), Terms.categories(body.categories(), "categories"),
                justification(body.breakGlassJustification(), purpose),
                body.legacyTokens() == null ? List.of() : tokens(body.legacyTokens(), "legacyTokens"));
        return DecisionView.of(decisions.decide(requester, request));
    }

    /**
     * Counts for outcome evidence: no subject, permitted only under an agreement naming OUTCOME_EVIDENCE.
     * A valid request takes one query from the user's daily budget before it is decided (429 past it).
     */
    @PostMapping("/decisions/aggregate")
    DecisionView aggregate(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AggregateDecisionBody body) {
        var requester = Callers.of(token);
        if (Terms.purpose(body.purpose(), "purpose") != Purpose.PURPOSE_OUTCOME_EVIDENCE) {
            throw RequestRejectedException.invalid("purpose", "a decision about nobody in particular is only for "
                    + "OUTCOME_EVIDENCE");
        }
        var request = DecisionRequest.aggregate(List.copyOf(new LinkedHashSet<>(body.agencies())),
                Terms.categories(body.categories(), "categories"));
        budget.spend(requester);
        return DecisionView.of(decisions.decide(requester, request));
    }

    /** Break-glass is for SAFEGUARDING only; what the text must say is the break-glass service's rule (422). */
    private static String justification(String sent, Purpose purpose) {
        if (sent == null) {
            return null;
        }
        if (purpose != Purpose.PURPOSE_SAFEGUARDING) {
            throw RequestRejectedException.invalid("breakGlassJustification", "break-glass is only for SAFEGUARDING");
        }
        return sent.strip();
    }

    private static List<LinkageToken> tokens(List<DecisionBody.TokenBody> sent, String field) {
        List<LinkageToken> tokens = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            DecisionBody.TokenBody t = sent.get(i);
            LinkageTokenKind kind = SubjectTokens.kind(t.kind().trim());
            if (kind == null) {
                throw RequestRejectedException.invalid(field + "[" + i + "].kind",
                        "must be one of NHS, NINO, NAME_DOB, FUZZY_NAME_DOB_AREA");
            }
            tokens.add(LinkageToken.newBuilder().setKind(kind).setKeyId(t.keyId()).setValue(t.value()).build());
        }
        return tokens;
    }
}
