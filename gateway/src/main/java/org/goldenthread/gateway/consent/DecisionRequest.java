package org.goldenthread.gateway.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the gateway asks consent-service; the requester is the bearer of the forwarded token.
 *
 * @param subjectTokens the person's linkage tokens, at most one of each kind
 * @param legacyTokens name tokens as normalisation version 1 gave them, where they differ from today's
 *        ({@code LinkageTokens.legacyTokensFor}): consent-service looks records up by them too, so a deny
 *        recorded before the change still applies. Never used for matching; omitted when empty.
 */
public record DecisionRequest(
        List<SubjectToken> subjectTokens,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubjectToken> legacyTokens,
        String purpose,
        List<String> agencies,
        List<String> categories,
        String breakGlassJustification) {

    public DecisionRequest {
        subjectTokens = List.copyOf(subjectTokens);
        legacyTokens = legacyTokens == null ? List.of() : List.copyOf(legacyTokens);
    }

    /** A linkage token as JSON: kind short name, key id, value. */
    public record SubjectToken(String kind, String keyId, String value) {

        @Override
        public String toString() {
            return "SubjectToken[" + kind + ", redacted]";
        }
    }
}
