package org.goldenthread.consent.decision;

import java.util.List;
import java.util.Set;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * A validated request for a decision about one person (or, for aggregate counts, nobody).
 *
 * @param subjectTokens every token the requester computed (all kinds: the grants' subject digest covers them all), at
 *        most one per kind; none for an aggregate decision (purpose OUTCOME_EVIDENCE only: counts about nobody in
 *        particular)
 * @param agencies the data holders asked about, without duplicates
 * @param categories wanted; empty = whatever is permitted
 * @param breakGlassJustification the written reason for opening a break-glass session; null for none
 * @param legacyTokens other tokens the person is known by (version-1 name tokens, where they differ): used only to
 *        find records whose denies apply, never for a permit, and not part of the subject digest
 */
public record DecisionRequest(List<LinkageToken> subjectTokens, Purpose purpose, List<String> agencies,
        Set<DataCategory> categories, String breakGlassJustification, List<LinkageToken> legacyTokens) {

    public DecisionRequest(List<LinkageToken> subjectTokens, Purpose purpose, List<String> agencies,
            Set<DataCategory> categories) {
        this(subjectTokens, purpose, agencies, categories, null, List.of());
    }

    public DecisionRequest(List<LinkageToken> subjectTokens, Purpose purpose, List<String> agencies,
            Set<DataCategory> categories, String breakGlassJustification) {
        this(subjectTokens, purpose, agencies, categories, breakGlassJustification, List.of());
    }

    public DecisionRequest {
        if (subjectTokens.isEmpty() && (purpose != Purpose.PURPOSE_OUTCOME_EVIDENCE || breakGlassJustification != null
                || !legacyTokens.isEmpty())) {
            throw new IllegalArgumentException("only OUTCOME_EVIDENCE is decided without a subject, never by break-glass");
        }
        if (!OnePerson.repeatedKinds(subjectTokens).isEmpty()) {
            // The edge answers this as a 400 naming the fields; here it is the type's promise.
            throw new IllegalArgumentException("a decision is about one person: at most one token of each kind");
        }
        subjectTokens = List.copyOf(subjectTokens);
        agencies = List.copyOf(agencies);
        categories = Set.copyOf(categories);
        legacyTokens = List.copyOf(legacyTokens);
    }

    /** For aggregate counts: about nobody in particular, so the grants name no subject. */
    public static DecisionRequest aggregate(List<String> agencies, Set<DataCategory> categories) {
        return new DecisionRequest(List.of(), Purpose.PURPOSE_OUTCOME_EVIDENCE, agencies, categories);
    }

    public boolean aboutNobody() {
        return subjectTokens.isEmpty();
    }
}
