package org.goldenthread.consent.decision;

import java.util.List;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * A validated request for a decision.
 *
 * @param subjectTokens every token the requester computed (all kinds: the grant's subject digest covers them all);
 *        none for an aggregate decision (purpose OUTCOME_EVIDENCE only: counts about nobody in particular)
 * @param agencies the data holders asked about, without duplicates
 * @param categories wanted; empty = whatever is permitted
 * @param breakGlassJustification the written reason for opening a break-glass session; null for none
 */
public record DecisionRequest(List<LinkageToken> subjectTokens, Purpose purpose, List<String> agencies,
        Set<DataCategory> categories, String breakGlassJustification) {

    public DecisionRequest(List<LinkageToken> subjectTokens, Purpose purpose, List<String> agencies,
            Set<DataCategory> categories) {
        this(subjectTokens, purpose, agencies, categories, null);
    }

    public DecisionRequest {
        if (subjectTokens.isEmpty() && (purpose != Purpose.PURPOSE_OUTCOME_EVIDENCE || breakGlassJustification != null)) {
            throw new IllegalArgumentException("only OUTCOME_EVIDENCE is decided without a subject, never by break-glass");
        }
        subjectTokens = List.copyOf(subjectTokens);
        agencies = List.copyOf(agencies);
        categories = Set.copyOf(categories);
    }

    /** For aggregate counts: about nobody in particular, so the grant names no subject. */
    public static DecisionRequest aggregate(List<String> agencies, Set<DataCategory> categories) {
        return new DecisionRequest(List.of(), Purpose.PURPOSE_OUTCOME_EVIDENCE, agencies, categories);
    }

    public boolean aboutNobody() {
        return subjectTokens.isEmpty();
    }
}
