package org.goldenthread.node.casework;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.node.ReferenceUpsert;
import org.goldenthread.node.Saved;
import org.springframework.stereotype.Component;

/** The agency's cases, collection {@code cases}; RAG history is kept inside each case. */
@Component
public class CaseStore {

    private final MongoCollection<Document> cases;
    private final Clock clock = Clock.systemUTC();

    public CaseStore(MongoDatabase database) {
        this.cases = database.getCollection("cases");
        cases.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending("subjectId"));
    }

    /** Creates or replaces the case; a rating different from the stored one appends to its history. */
    public Saved save(String ref, CaseDetails d, String recordedBy) {
        return ReferenceUpsert.save(cases, eq("ref", ref), (id, stored) -> {
            Instant now = clock.instant();
            CaseFile before = stored == null ? null : fromDocument(stored);
            List<RagEntry> history = new ArrayList<>(before == null ? List.of() : before.ragHistory());
            if (before != null && before.rag() != d.rag() && d.rag() != null) {
                history.add(new RagEntry(before.rag(), d.rag(), now, recordedBy,
                        d.ragReason() == null ? "" : d.ragReason()));
            }
            Instant closedAt = d.state() == CaseState.OPEN ? null
                    : d.closedAt() != null ? d.closedAt()
                    : before != null && before.closedAt() != null ? before.closedAt() : now;
            return toDocument(new CaseFile(id, ref, d.subjectId(), d.caseType(), d.category(), d.state(),
                    d.openedAt(), closedAt, d.leadWorker(), d.team(), d.contact(), d.rag(), d.needs(),
                    history, now, recordedBy));
        });
    }

    public Optional<CaseFile> byRef(String ref) {
        return Optional.ofNullable(cases.find(eq("ref", ref)).first()).map(CaseStore::fromDocument);
    }

    /** Every case about any of these persons. */
    public List<CaseFile> about(Collection<String> subjectIds) {
        List<CaseFile> found = new ArrayList<>();
        cases.find(in("subjectId", List.copyOf(subjectIds))).forEach(d -> found.add(fromDocument(d)));
        return found;
    }

    private static Document toDocument(CaseFile c) {
        return new Document("_id", c.id())
                .append("ref", c.ref())
                .append("subjectId", c.subjectId())
                .append("caseType", c.caseType())
                .append("category", Vocabulary.name(c.category()))
                .append("state", c.state().name())
                .append("openedAt", date(c.openedAt()))
                .append("closedAt", date(c.closedAt()))
                .append("leadWorker", c.leadWorker())
                .append("team", c.team())
                .append("contact", c.contact())
                .append("rag", c.rag() == null ? null : c.rag().name())
                .append("needs", c.needs())
                .append("ragHistory", c.ragHistory().stream().map(r -> new Document()
                        .append("from", r.from() == null ? null : r.from().name())
                        .append("to", r.to().name())
                        .append("changedAt", date(r.changedAt()))
                        .append("changedBy", r.changedBy())
                        .append("reason", r.reason())).toList())
                .append("recordedAt", date(c.recordedAt()))
                .append("recordedBy", c.recordedBy());
    }

    private static CaseFile fromDocument(Document d) {
        List<RagEntry> history = d.getList("ragHistory", Document.class, List.of()).stream()
                .map(r -> new RagEntry(rag(r.getString("from")), rag(r.getString("to")),
                        instant(r.getDate("changedAt")), r.getString("changedBy"), r.getString("reason")))
                .toList();
        return new CaseFile(d.getString("_id"), d.getString("ref"), d.getString("subjectId"),
                d.getString("caseType"), Vocabulary.category(d.getString("category")),
                CaseState.valueOf(d.getString("state")), instant(d.getDate("openedAt")),
                instant(d.getDate("closedAt")), d.getString("leadWorker"), d.getString("team"),
                d.getString("contact"), rag(d.getString("rag")), d.getList("needs", String.class, List.of()),
                history, instant(d.getDate("recordedAt")), d.getString("recordedBy"));
    }

    private static Rag rag(String name) {
        return name == null ? null : Rag.valueOf(name);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
