package org.goldenthread.node.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One link of the node's hash-chained audit log (ARCHITECTURE.md §6); see {@link AuditChain} for
 * how {@code hash} is computed. Fields mean what they mean in {@link AuditEvent}; entries written
 * before persons were recorded have empty {@code tokenHashes}, {@code personIds}, {@code match} and
 * {@code confirmation}.
 *
 * @param sequence strictly increasing position, from 1
 * @param at when it was appended, to the millisecond
 * @param prevHash the previous entry's hash; 64 zeros for the first entry
 */
public record AuditEntry(
        long sequence,
        Instant at,
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
        String confirmation,
        String prevHash,
        String hash) {

    public AuditEntry {
        operation = text(operation);
        grantId = text(grantId);
        requester = text(requester);
        requesterAgency = text(requesterAgency);
        purpose = text(purpose);
        basis = text(basis);
        categories = list(categories);
        recordIds = list(recordIds);
        refusalReason = text(refusalReason);
        requestId = text(requestId);
        subjectDigest = text(subjectDigest);
        tokenHashes = list(tokenHashes);
        personIds = list(personIds);
        match = text(match);
        confirmation = text(confirmation);
        prevHash = text(prevHash);
        hash = text(hash);
    }

    static AuditEntry of(long sequence, Instant at, AuditEvent e, String prevHash) {
        return new AuditEntry(sequence, at, e.operation(), e.outcome(), e.grantId(), e.requester(),
                e.requesterAgency(), e.purpose(), e.basis(), e.categories(), e.recordIds(), e.refusalReason(),
                e.requestId(), e.subjectDigest(), e.tokenHashes(), e.personIds(), e.match(), e.confirmation(),
                prevHash, "");
    }

    AuditEntry withHash(String newHash) {
        return new AuditEntry(sequence, at, operation, outcome, grantId, requester, requesterAgency, purpose, basis,
                categories, recordIds, refusalReason, requestId, subjectDigest, tokenHashes, personIds, match,
                confirmation, prevHash, newHash);
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
