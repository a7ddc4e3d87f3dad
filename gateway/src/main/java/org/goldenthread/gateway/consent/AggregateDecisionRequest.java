package org.goldenthread.gateway.consent;

import java.util.List;

/** What the gateway asks consent-service for counts: no subject; the requester is the token's bearer. */
public record AggregateDecisionRequest(String purpose, List<String> agencies, List<String> categories) {
}
