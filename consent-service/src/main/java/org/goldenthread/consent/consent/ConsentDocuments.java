package org.goldenthread.consent.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.goldenthread.federation.Vocabulary;

/** The stored shape of a consent record; stays inside this package. */
final class ConsentDocuments {

    static final String ID = "_id";
    static final String REVISION = "revision";
    static final String STATUS = "status";
    static final String TOKENS = "tokens";
    static final String REFERENCE_KEY = "referenceKey";
    static final String HISTORY = "history";
    static final String REVISED_AT = "revisedAt";
    static final String REVISED_BY = "revisedBy";
    static final String WITHDRAWAL = "withdrawal";
    static final String BACKDATING = "backdating";
    /** The agencies whose review queue the record is in: its sources, or {@link #EVERY_SOURCE}. */
    static final String REVIEW_SOURCES = "reviewSources";
    static final String EVERY_SOURCE = "*";

    private ConsentDocuments() {
    }

    /** Evidence references are unique per recording agency; one field carries the pair for a unique index. */
    static String referenceKey(String agency, String reference) {
        return agency + "\u001f" + reference;
    }

    static Document toDocument(ConsentRecord record, List<String> tokenKeys) {
        Evidence evidence = record.evidence();
        return new Document(ID, record.id())
                .append(REVISION, record.revision())
                .append(STATUS, record.status().name())
                .append("subjectDigest", record.subjectDigest())
                .append(TOKENS, tokenKeys)
                .append("start", Date.from(record.start()))
                .append("end", record.end() == null ? null : Date.from(record.end()))
                .append("evidence", new Document("kind", evidence.kind().name())
                        .append("reference", evidence.reference())
                        .append("witness", evidence.witness())
                        .append("privacyNoticeVersion", evidence.privacyNoticeVersion()))
                .append(REFERENCE_KEY, referenceKey(record.recordedByAgency(), evidence.reference()))
                .append("provisions", record.provisions().stream().map(ConsentDocuments::provision).toList())
                .append(REVIEW_SOURCES, reviewSources(record.provisions()))
                .append(BACKDATING, backdating(record.backdating()))
                .append("recordedBy", record.recordedBy())
                .append("recordedByAgency", record.recordedByAgency())
                .append("recordedAt", Date.from(record.recordedAt()))
                .append(REVISED_AT, Date.from(record.recordedAt()))
                .append(REVISED_BY, record.recordedBy())
                .append(WITHDRAWAL, null)
                .append(HISTORY, List.of());
    }

    /** The revision's full content, minus what identifies the document itself, for the history. */
    static Document snapshot(Document current) {
        Document copy = new Document(current);
        copy.remove(ID);
        copy.remove(HISTORY);
        copy.remove(TOKENS);
        copy.remove(REFERENCE_KEY);
        return copy;
    }

    static Document evidence(Evidence evidence) {
        return new Document("kind", evidence.kind().name())
                .append("reference", evidence.reference())
                .append("witness", evidence.witness())
                .append("privacyNoticeVersion", evidence.privacyNoticeVersion());
    }

    /** Every source named, or {@link #EVERY_SOURCE} once any provision says all sources. */
    static List<String> reviewSources(List<Provision> provisions) {
        if (provisions.stream().anyMatch(p -> p.sources().all())) {
            return List.of(EVERY_SOURCE);
        }
        return provisions.stream().flatMap(p -> p.sources().values().stream()).distinct().sorted().toList();
    }

    static Document backdating(ConsentRecord.Backdating backdating) {
        return backdating == null ? null : new Document("consentedOn", backdating.consentedOn().toString())
                .append("reason", backdating.reason());
    }

    private static ConsentRecord.Backdating backdating(Document doc) {
        Document b = doc.get(BACKDATING, Document.class);
        return b == null ? null : new ConsentRecord.Backdating(LocalDate.parse(b.getString("consentedOn")),
                b.getString("reason"));
    }

    static Document withdrawal(ConsentRecord.Withdrawal withdrawal) {
        return new Document("at", Date.from(withdrawal.at())).append("by", withdrawal.by())
                .append("reason", withdrawal.reason());
    }

    static ConsentRecord toRecord(Document doc) {
        Document evidence = doc.get("evidence", Document.class);
        Document withdrawal = doc.get(WITHDRAWAL, Document.class);
        List<ConsentRevision> history = new ArrayList<>();
        for (Document old : doc.getList(HISTORY, Document.class, List.of())) {
            Document oldEvidence = old.get("evidence", Document.class);
            history.add(new ConsentRevision(old.getInteger(REVISION), ConsentStatus.valueOf(old.getString(STATUS)),
                    instant(old.getDate(REVISED_AT)), old.getString(REVISED_BY),
                    oldEvidence == null ? null : oldEvidence.getString("reference"), instant(old.getDate("start")),
                    backdating(old)));
        }
        return new ConsentRecord(
                doc.getString(ID),
                doc.getInteger(REVISION),
                ConsentStatus.valueOf(doc.getString(STATUS)),
                doc.getString("subjectDigest"),
                instant(doc.getDate("start")),
                instant(doc.getDate("end")),
                new Evidence(EvidenceKind.valueOf(evidence.getString("kind")), evidence.getString("reference"),
                        evidence.getString("witness"), evidence.getString("privacyNoticeVersion")),
                doc.getList("provisions", Document.class, List.of()).stream().map(ConsentDocuments::provision).toList(),
                doc.getString("recordedBy"),
                doc.getString("recordedByAgency"),
                instant(doc.getDate("recordedAt")),
                withdrawal == null ? null : new ConsentRecord.Withdrawal(instant(withdrawal.getDate("at")),
                        withdrawal.getString("by"), withdrawal.getString("reason")),
                history,
                backdating(doc));
    }

    /**
     * An explicit "all" is stored as an empty list, as "all" always was: records from before explicit "all"
     * read the same way, and fall under the same acknowledgement ({@link Scope#stored}).
     */
    static List<Provision> toRecordProvisions(Document doc) {
        return doc.getList("provisions", Document.class, List.of()).stream().map(ConsentDocuments::provision).toList();
    }

    static Document provision(Provision p) {
        return new Document("type", p.type().name())
                .append("sources", sorted(p.sources(), Function.identity()))
                .append("recipients", sorted(p.recipients(), Function.identity()))
                .append("purposes", sorted(p.purposes(), Vocabulary::name))
                .append("categories", sorted(p.categories(), Vocabulary::name));
    }

    private static Provision provision(Document doc) {
        return new Provision(
                ProvisionType.valueOf(doc.getString("type")),
                Set.copyOf(doc.getList("sources", String.class, List.of())),
                Set.copyOf(doc.getList("recipients", String.class, List.of())),
                doc.getList("purposes", String.class, List.of()).stream().map(Vocabulary::purpose).collect(Collectors.toSet()),
                doc.getList("categories", String.class, List.of()).stream().map(Vocabulary::category).collect(Collectors.toSet()));
    }

    private static <T> List<String> sorted(Scope<T> scope, Function<T, String> name) {
        return scope.values().stream().map(name).sorted().toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
