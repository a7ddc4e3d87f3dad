package org.goldenthread.gateway.federation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The key-worker's confirmation of a POSSIBLE match: the {@link Confirmation#ref()} an agency issued,
 * sent back once they have checked with its lead worker. Goes to that agency's node only, as
 * {@code confirmed_match}; the node accepts it only for the same requester and subject, before it expires.
 */
public record MatchConfirmation(
        @NotNull @Pattern(regexp = AGENCY_ID, message = "not an agency id") String agency,
        @NotNull @Size(min = 1, max = MAX_REF) @Pattern(regexp = REF, message = "not a confirmation reference") String ref) {

    static final String AGENCY_ID = "[a-z][a-z0-9-]{1,30}";
    /** Base64url and dots (a node may issue a compact JWS): nothing else is ever a reference. */
    static final String REF = "[A-Za-z0-9_.-]+";
    static final int MAX_REF = 512;

    /** Whether a node's reference can come back through this request at all. */
    static boolean acceptable(String ref) {
        return ref != null && !ref.isEmpty() && ref.length() <= MAX_REF && ref.matches(REF);
    }

    @Override
    public String toString() {
        return "MatchConfirmation[" + agency + ", redacted]";
    }
}
