package org.goldenthread.node.referral;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/** The stored form of a {@link Referral}; never leaves the store. */
final class ReferralDocuments {

    private ReferralDocuments() {
    }

    static Document toDocument(Referral r) {
        return new Document("_id", r.referralId())
                .append("fromAgency", r.fromAgency())
                .append("toAgency", r.toAgency())
                .append("tokens", r.tokens().stream().map(t -> new Document("kind", t.getKind().name())
                        .append("keyId", t.getKeyId()).append("value", t.getValue())).toList())
                .append("purpose", Vocabulary.name(r.purpose()))
                .append("story", r.story())
                .append("needs", r.needs())
                .append("referrer", r.referrer())
                .append("referrerContact", r.referrerContact())
                .append("sentAt", date(r.sentAt()))
                .append("categories", r.categories().stream().map(Vocabulary::name).toList())
                .append("status", r.status().name())
                .append("reason", r.reason())
                .append("caseId", r.caseId())
                .append("receivedAt", date(r.receivedAt()))
                .append("updatedAt", date(r.updatedAt()))
                .append("updatedBy", r.updatedBy())
                .append("matchedSubjectIds", r.matchedSubjectIds());
    }

    static Referral fromDocument(Document d) {
        List<LinkageToken> tokens = d.getList("tokens", Document.class, List.of()).stream()
                .map(t -> LinkageToken.newBuilder().setKind(LinkageTokenKind.valueOf(t.getString("kind")))
                        .setKeyId(t.getString("keyId")).setValue(t.getString("value")).build())
                .toList();
        return new Referral(d.getString("_id"), d.getString("fromAgency"), d.getString("toAgency"), tokens,
                Vocabulary.purpose(d.getString("purpose")), d.getString("story"), d.getList("needs", String.class, List.of()),
                d.getString("referrer"), d.getString("referrerContact"), instant(d.getDate("sentAt")),
                d.getList("categories", String.class, List.of()).stream().map(Vocabulary::category).toList(),
                ReferralStatus.valueOf(d.getString("status")), d.getString("reason"), d.getString("caseId"),
                instant(d.getDate("receivedAt")), instant(d.getDate("updatedAt")), d.getString("updatedBy"),
                d.getList("matchedSubjectIds", String.class, List.of()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
