package org.goldenthread.node.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.goldenthread.node.audit.AuditEntry;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.ChainVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The node's audit log for its DPO and administrators (roles enforced in the security chain). */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    Listing entries() {
        return new Listing(audit.entries().stream().map(AuditEntryView::of).toList());
    }

    @GetMapping("/verify")
    ChainReport verify() {
        ChainVerification result = audit.verify();
        return new ChainReport(result.valid(), result.firstBrokenSequence(), result.entries());
    }

    /** {@code {"entries":[…]}}, in sequence order. */
    record Listing(List<AuditEntryView> entries) {
    }

    /** {@code {"valid":true,"entries":N}} or {@code {"valid":false,"firstBrokenSequence":k,"entries":N}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChainReport(boolean valid, Long firstBrokenSequence, long entries) {
    }

    /**
     * One entry as stored, including its chain fields, so an auditor can recompute the chain (the
     * person fields, empty on entries written before they existed, enter the hash only when not empty).
     */
    record AuditEntryView(long sequence, String at, String operation, String outcome, String grantId,
            String requester, String requesterAgency, String purpose, String basis, List<String> categories,
            List<String> recordIds, String refusalReason, String requestId, String subjectDigest,
            List<String> tokenHashes, List<String> personIds, String match, String confirmation,
            String prevHash, String hash) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.sequence(), e.at().toString(), e.operation(), e.outcome().name(),
                    e.grantId(), e.requester(), e.requesterAgency(), e.purpose(), e.basis(), e.categories(),
                    e.recordIds(), e.refusalReason(), e.requestId(), e.subjectDigest(), e.tokenHashes(), e.personIds(),
                    e.match(), e.confirmation(), e.prevHash(), e.hash());
        }
    }
}
