package org.goldenthread.node.audit;

import java.util.List;

/**
 * What happened in one federation call, before the log gives it a place in the chain. Vocabulary
 * values (purpose, basis, categories) use their short names ("SUBJECT_ACCESS", "CRIME"). Null
 * strings are stored as empty strings.
 *
 * @param operation the RPC, e.g. "GetSubjectRecord"
 * @param grantId the grant's jti; empty when no grant was accepted as genuine
 * @param categories released (RELEASED) or asked for (REFUSED)
 * @param recordIds node ids of the records released
 * @param refusalReason a stable code such as WRONG_AUDIENCE, for REFUSED entries
 * @param subjectDigest {@code SubjectDigest} of the request's tokens; empty when there were none
 */
public record AuditEvent(
        String operation,
        AuditOutcome outcome,
        String grantId,
        String requester,
        String requesterAgency,
        String purpose,
        String basis,
        List<String> categories,
        List<String> recordIds,
        String refusalReason,
        String requestId,
        String subjectDigest) {

    public AuditEvent {
        categories = categories == null ? List.of() : List.copyOf(categories);
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
    }
}
