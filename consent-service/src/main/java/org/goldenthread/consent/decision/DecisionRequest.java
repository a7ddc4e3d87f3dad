package org.goldenthread.consent.decision;

import java.util.List;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * A validated request for a decision.
 *
 * @param subjectTokens every token the requester computed (all kinds: the grant's subject digest covers them all)
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
        subjectTokens = List.copyOf(subjectTokens);
        agencies = List.copyOf(agencies);
        categories = Set.copyOf(categories);
    }
}
