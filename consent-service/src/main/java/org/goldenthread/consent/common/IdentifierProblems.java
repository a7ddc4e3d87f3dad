package org.goldenthread.consent.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problems that say "these identifiers are not one person's", naming the fields and the token kinds
 * (short names: NHS, NINO, NAME_DOB), never a token value.
 */
public final class IdentifierProblems {

    private IdentifierProblems() {
    }

    /** 400 {@code conflicting-identifiers} when {@code tokens} hold two of a kind; else nothing. */
    public static void requireOnePerson(List<LinkageToken> tokens, String field) {
        Set<LinkageTokenKind> repeated = OnePerson.repeatedKinds(tokens);
        if (repeated.isEmpty()) {
            return;
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (repeated.contains(tokens.get(i).getKind())) {
                errors.add(new Problems.FieldError(field + "[" + i + "]", "another " + kindName(
                        tokens.get(i).getKind()) + " token in the same request: a decision is about one person"));
            }
        }
        ProblemDetail problem = Problems.invalid("conflicting-identifiers",
                "the identifiers are more than one person's: at most one of each kind", errors);
        problem.setProperty("kinds", names(repeated));
        throw new RequestRejectedException(problem);
    }

    /**
     * 422 {@code identifiers-disagree}: consent records show the request's identifiers belong to different people.
     *
     * @param kinds the kinds involved (shared with a record, and contradicting it)
     */
    public static RequestRejectedException disagree(Set<LinkageTokenKind> kinds, List<LinkageToken> tokens,
            String field, String decisionId) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (kinds.contains(tokens.get(i).getKind())) {
                errors.add(new Problems.FieldError(field + "[" + i + "]", kindName(tokens.get(i).getKind())
                        + " is not the same person's as the others on consent records"));
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "identifiers-disagree",
                "consent records show these identifiers (" + String.join(", ", names(kinds)) + ") belong to different "
                        + "people: check the NHS number, National Insurance number, name and date of birth; nothing "
                        + "was decided and no grant issued");
        problem.setProperty("kinds", names(kinds));
        problem.setProperty("errors", errors.stream().map(e -> java.util.Map.of("field", e.field(), "message",
                e.message())).toList());
        problem.setProperty("decisionId", decisionId);
        return new RequestRejectedException(problem);
    }

    /** "NHS" for LINKAGE_TOKEN_KIND_NHS, as the API spells kinds. */
    private static String kindName(LinkageTokenKind kind) {
        return kind.name().substring("LINKAGE_TOKEN_KIND_".length());
    }

    private static List<String> names(Collection<LinkageTokenKind> kinds) {
        return kinds.stream().map(IdentifierProblems::kindName).sorted().toList();
    }
}
