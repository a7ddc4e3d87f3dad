package org.goldenthread.consent.breakglass;

import java.time.Instant;
import java.util.Set;

/**
 * A user's request to renew break-glass access to one subject while a session is live or has just
 * ended: it waits for a second person (a DPO or team manager of the requester's agency, never the
 * requester) and, once approved, opens exactly one session.
 *
 * @param renewsSession the live or just-ended session that made this a renewal
 * @param justification why more access is needed, for the approver (never logged)
 * @param status PENDING, APPROVED or REFUSED
 * @param usedBySession the session the approval opened; null until used (an approval is used once)
 */
public record RenewalRequest(
        String id,
        String user,
        String agency,
        String subjectDigest,
        String renewsSession,
        Set<String> sources,
        String justification,
        Instant requestedAt,
        Status status,
        String decidedBy,
        Instant decidedAt,
        String note,
        String usedBySession,
        Instant usedAt) {

    /** Where a renewal request stands. */
    public enum Status {
        PENDING,
        APPROVED,
        REFUSED
    }

    public RenewalRequest {
        sources = Set.copyOf(sources);
    }

    static RenewalRequest pending(String id, String user, String agency, String subjectDigest, String renewsSession,
            Set<String> sources, String justification, Instant requestedAt) {
        return new RenewalRequest(id, user, agency, subjectDigest, renewsSession, sources, justification, requestedAt,
                Status.PENDING, null, null, null, null, null);
    }
}
