package org.goldenthread.gateway.consent;

import java.util.List;

/** What the gateway asks consent-service; the requester is the bearer of the forwarded token. */
public record DecisionRequest(
        List<SubjectToken> subjectTokens,
        String purpose,
        List<String> agencies,
        List<String> categories,
        String breakGlassJustification) {

    /** A linkage token as JSON: kind short name, key id, value. */
    public record SubjectToken(String kind, String keyId, String value) {
    }
}
