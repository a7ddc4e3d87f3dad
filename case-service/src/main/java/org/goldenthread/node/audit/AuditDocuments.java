package org.goldenthread.node.audit;

import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The stored form of an {@link AuditEntry}. The fields added with persons (tokenHashes, personIds,
 * match, confirmation) are read as empty where an older entry lacks them.
 */
final class AuditDocuments {

    private AuditDocuments() {
    }

    static Document toDocument(AuditEntry e) {
        return new Document("sequence", e.sequence())
                .append("at", Date.from(e.at()))
                .append("operation", e.operation())
                .append("outcome", e.outcome().name())
                .append("grantId", e.grantId())
                .append("requester", e.requester())
                .append("requesterAgency", e.requesterAgency())
                .append("purpose", e.purpose())
                .append("basis", e.basis())
                .append("categories", e.categories())
                .append("recordIds", e.recordIds())
                .append("refusalReason", e.refusalReason())
                .append("requestId", e.requestId())
                .append("subjectDigest", e.subjectDigest())
                .append("tokenHashes", e.tokenHashes())
                .append("personIds", e.personIds())
                .append("match", e.match())
                .append("confirmation", e.confirmation())
                .append("prevHash", e.prevHash())
                .append("hash", e.hash());
    }

    static AuditEntry fromDocument(Document d) {
        return new AuditEntry(((Number) d.get("sequence")).longValue(), d.getDate("at").toInstant(),
                d.getString("operation"), AuditOutcome.valueOf(d.getString("outcome")), d.getString("grantId"),
                d.getString("requester"), d.getString("requesterAgency"), d.getString("purpose"),
                d.getString("basis"), d.getList("categories", String.class, List.of()),
                d.getList("recordIds", String.class, List.of()), d.getString("refusalReason"),
                d.getString("requestId"), d.getString("subjectDigest"),
                d.getList("tokenHashes", String.class, List.of()), d.getList("personIds", String.class, List.of()),
                d.getString("match"), d.getString("confirmation"), d.getString("prevHash"), d.getString("hash"));
    }
}
