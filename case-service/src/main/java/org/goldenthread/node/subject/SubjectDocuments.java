package org.goldenthread.node.subject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.goldenthread.federation.linkage.NameNormaliser;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * The stored form of a {@link Subject}; never leaves the store. {@code tokensVersion} is the name
 * normalisation version ({@link NameNormaliser#VERSION}) the stored tokens were computed with:
 * absent on persons stored before versions were recorded (version 1).
 */
final class SubjectDocuments {

    static final String TOKENS = "tokens";
    static final String TOKENS_VERSION = "tokensVersion";

    private SubjectDocuments() {
    }

    static Document toDocument(Subject s) {
        SubjectDetails d = s.details();
        return new Document("_id", s.id())
                .append("ref", s.ref())
                .append("familyName", d.familyName())
                .append("givenName", d.givenName())
                .append("dateOfBirth", d.dateOfBirth() == null ? null : d.dateOfBirth().toString())
                .append("nhsNumber", d.nhsNumber())
                .append("nationalInsuranceNumber", d.nationalInsuranceNumber())
                .append("postcode", d.postcode())
                .append("previousNames", d.previousNames())
                .append("gender", d.gender())
                .append("addresses", d.addresses().stream().map(a -> new Document("line", a.line())
                        .append("postcode", a.postcode())
                        .append("from", a.from() == null ? null : a.from().toString())
                        .append("to", a.to() == null ? null : a.to().toString())).toList())
                .append("contacts", d.contacts().stream().map(c -> new Document("kind", c.kind()).append("value", c.value())).toList())
                .append(TOKENS, tokens(s.tokens()))
                .append(TOKENS_VERSION, NameNormaliser.VERSION)
                .append("recordedAt", Date.from(s.recordedAt()))
                .append("recordedBy", s.recordedBy());
    }

    static List<Document> tokens(List<LinkageToken> tokens) {
        return tokens.stream().map(t -> new Document("kind", t.getKind().name())
                .append("keyId", t.getKeyId()).append("value", t.getValue())).toList();
    }

    static Subject fromDocument(Document doc) {
        String dob = doc.getString("dateOfBirth");
        SubjectDetails details = new SubjectDetails(doc.getString("familyName"), doc.getString("givenName"),
                dob == null ? null : LocalDate.parse(dob), doc.getString("nhsNumber"),
                doc.getString("nationalInsuranceNumber"), doc.getString("postcode"),
                doc.getList("previousNames", String.class, List.of()), doc.getString("gender"),
                doc.getList("addresses", Document.class, List.of()).stream().map(a -> new Address(a.getString("line"),
                        a.getString("postcode"), date(a.getString("from")), date(a.getString("to")))).toList(),
                doc.getList("contacts", Document.class, List.of()).stream()
                        .map(c -> new Contact(c.getString("kind"), c.getString("value"))).toList());
        List<LinkageToken> tokens = doc.getList(TOKENS, Document.class, List.of()).stream()
                .map(t -> LinkageToken.newBuilder().setKind(LinkageTokenKind.valueOf(t.getString("kind")))
                        .setKeyId(t.getString("keyId")).setValue(t.getString("value")).build())
                .toList();
        Date recordedAt = doc.getDate("recordedAt");
        return new Subject(doc.getString("_id"), doc.getString("ref"), details, tokens,
                recordedAt == null ? Instant.EPOCH : recordedAt.toInstant(), doc.getString("recordedBy"));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
