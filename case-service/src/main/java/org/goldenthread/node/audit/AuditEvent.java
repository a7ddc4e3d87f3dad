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
 * @param tokenHashes the request's tokens as {@code KIND:keyId:hash} (the shared
 *     {@code linkage.TokenHashes}: SHA-256 of kind, key id and value; never a token itself); empty
 *     for calls about no one
 * @param personIds the local persons the call selected and released facts about (one, or the
 *     POSSIBLE matches answered); empty when it selected no one (refusals included)
 * @param match how they were selected: EXACT, STRONG, POSSIBLE (only possible matches answered) or
 *     CONFIRMED (a POSSIBLE match the requesting user confirmed); empty when no one was
 * @param confirmation for CONFIRMED, the id of the confirmation reference the release rested on
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
        String subjectDigest,
        List<String> tokenHashes,
        List<String> personIds,
        String match,
        String confirmation) {

    public AuditEvent {
        categories = categories == null ? List.of() : List.copyOf(categories);
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        tokenHashes = tokenHashes == null ? List.of() : List.copyOf(tokenHashes);
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }

    /** An event about no particular person (or written as entries were before persons were recorded). */
    public AuditEvent(String operation, AuditOutcome outcome, String grantId, String requester, String requesterAgency,
            String purpose, String basis, List<String> categories, List<String> recordIds, String refusalReason,
            String requestId, String subjectDigest) {
        this(operation, outcome, grantId, requester, requesterAgency, purpose, basis, categories, recordIds,
                refusalReason, requestId, subjectDigest, List.of(), List.of(), "", "");
    }
}
