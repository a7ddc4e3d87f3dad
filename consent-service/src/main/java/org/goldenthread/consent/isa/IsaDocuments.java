package org.goldenthread.consent.isa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.goldenthread.federation.Vocabulary;

/** The stored shape of an agreement; stays inside this package. */
final class IsaDocuments {

    static final String ID = "_id";
    static final String REVISION = "revision";
    static final String STATUS = "status";
    static final String HISTORY = "history";
    static final String REVISED_AT = "revisedAt";
    static final String REVISED_BY = "revisedBy";

    private IsaDocuments() {
    }

    static Document toDocument(SharingAgreement isa) {
        return new Document(ID, isa.id())
                .append(REVISION, isa.revision())
                .append(STATUS, isa.status().name())
                .append("sourceAgency", isa.sourceAgency())
                .append("terms", terms(isa.terms()))
                .append("recordedBy", isa.recordedBy())
                .append("recordedAt", Date.from(isa.recordedAt()))
                .append(REVISED_AT, Date.from(isa.recordedAt()))
                .append(REVISED_BY, isa.recordedBy())
                .append("termination", null)
                .append(HISTORY, List.of());
    }

    /** The revision's full content for the history. */
    static Document snapshot(Document current) {
        Document copy = new Document(current);
        copy.remove(ID);
        copy.remove(HISTORY);
        return copy;
    }

    static Document terms(AgreementTerms t) {
        return new Document("title", t.title())
                .append("recipients", t.recipients().stream().sorted().toList())
                .append("purposes", t.purposes().stream().map(Vocabulary::name).sorted().toList())
                .append("categories", t.categories().stream().map(Vocabulary::name).sorted().toList())
                .append("start", Date.from(t.start()))
                .append("end", t.end() == null ? null : Date.from(t.end()))
                .append("signOff", new Document("by", t.signOff().by()).append("role", t.signOff().role())
                        .append("at", Date.from(t.signOff().at())));
    }

    static Document termination(SharingAgreement.Termination t) {
        return new Document("at", Date.from(t.at())).append("by", t.by()).append("reason", t.reason());
    }

    static SharingAgreement toAgreement(Document doc) {
        Document t = doc.get("terms", Document.class);
        Document signOff = t.get("signOff", Document.class);
        Document termination = doc.get("termination", Document.class);
        List<IsaRevision> history = new ArrayList<>();
        for (Document old : doc.getList(HISTORY, Document.class, List.of())) {
            history.add(new IsaRevision(old.getInteger(REVISION), IsaStatus.valueOf(old.getString(STATUS)),
                    instant(old.getDate(REVISED_AT)), old.getString(REVISED_BY)));
        }
        AgreementTerms terms = new AgreementTerms(t.getString("title"),
                Set.copyOf(t.getList("recipients", String.class, List.of())),
                t.getList("purposes", String.class, List.of()).stream().map(Vocabulary::purpose).collect(Collectors.toSet()),
                t.getList("categories", String.class, List.of()).stream().map(Vocabulary::category).collect(Collectors.toSet()),
                instant(t.getDate("start")), instant(t.getDate("end")),
                new SignOff(signOff.getString("by"), signOff.getString("role"), instant(signOff.getDate("at"))));
        return new SharingAgreement(doc.getString(ID), doc.getInteger(REVISION), IsaStatus.valueOf(doc.getString(STATUS)),
                doc.getString("sourceAgency"), terms, doc.getString("recordedBy"), instant(doc.getDate("recordedAt")),
                termination == null ? null : new SharingAgreement.Termination(instant(termination.getDate("at")),
                        termination.getString("by"), termination.getString("reason")),
                history);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
