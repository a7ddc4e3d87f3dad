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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.node.store.Bulk;
import org.goldenthread.node.store.RecordIds;
import org.goldenthread.node.store.ReferenceUpsert;
import org.goldenthread.node.store.ReverseIndex;
import org.goldenthread.node.store.Saved;
import org.springframework.stereotype.Component;

/**
 * The agency's cases, collection {@code cases} (unique {@code ref}); RAG history is kept inside
 * each case. Reverse indexes {@code subject_cases} and {@code worker_cases} find a person's cases
 * and a worker's caseload by {@code _id} look-ups ({@link ReverseIndex}).
 */
@Component
public class CaseStore {

    private final MongoCollection<Document> cases;
    private final ReverseIndex bySubject;
    private final ReverseIndex byLeadWorker;
    private final Clock clock = Clock.systemUTC();

    public CaseStore(MongoDatabase database) {
        this.cases = database.getCollection("cases");
        this.bySubject = new ReverseIndex(database, "subject_cases");
        this.byLeadWorker = new ReverseIndex(database, "worker_cases");
        cases.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
    }

    /**
     * Creates or replaces the case; a rating different from the stored one appends to its history.
     * The case is then re-filed under its subject and lead worker.
     */
    public Saved save(String ref, CaseDetails d, String recordedBy) {
        CaseFile[] previous = new CaseFile[1];
        Saved saved = ReferenceUpsert.save(cases, eq("ref", ref), (id, stored) -> {
            CaseFile before = stored == null ? null : fromDocument(stored);
            previous[0] = before;
            return toDocument(build(id, ref, d, before, recordedBy, clock.instant()));
        });
        CaseFile before = previous[0];
        bySubject.move(saved.id(), before == null ? List.of() : List.of(before.subjectId()), List.of(d.subjectId()));
        // The caseload is open cases: a closed case leaves its worker's posting, which stays small.
        byLeadWorker.move(saved.id(), before == null || before.leadWorker() == null ? List.of() : List.of(before.leadWorker()),
                d.leadWorker() == null || d.state() != CaseState.OPEN ? List.of() : List.of(d.leadWorker()));
        return saved;
    }

    /**
     * Stores cases whose references are all new: the same documents and postings as {@link #save},
     * one insert for the cases and one write per subject or worker key. A reference already
     * present fails the import on the unique index; the cases before it are stored.
     */
    public List<Saved> importNew(List<NewCase> batch) {
        Instant now = clock.instant();
        List<Document> documents = new ArrayList<>(batch.size());
        List<Saved> saved = new ArrayList<>(batch.size());
        Map<String, List<String>> subjectPostings = new HashMap<>();
        Map<String, List<String>> workerPostings = new HashMap<>();
        for (NewCase c : batch) {
            String id = RecordIds.next();
            CaseDetails d = c.details();
            documents.add(toDocument(build(id, c.ref(), d, null, c.recordedBy(), now)));
            subjectPostings.computeIfAbsent(d.subjectId(), k -> new ArrayList<>()).add(id);
            if (d.leadWorker() != null && d.state() == CaseState.OPEN) {
                workerPostings.computeIfAbsent(d.leadWorker(), k -> new ArrayList<>()).add(id);
            }
            saved.add(new Saved(id, true));
        }
        if (!documents.isEmpty()) {
            Bulk.insert(cases, documents);
        }
        bySubject.addAll(subjectPostings);
        byLeadWorker.addAll(workerPostings);
        return saved;
    }

    /** The case as stored after saving {@code d} over {@code before} (null: a new case). */
    private static CaseFile build(String id, String ref, CaseDetails d, CaseFile before, String recordedBy, Instant now) {
        List<RagEntry> history = new ArrayList<>(before == null ? List.of() : before.ragHistory());
        Rag previousRating = before == null ? null : before.rag();
        // The first rating opens the history too (from = none), so the history tells the whole story.
        if (d.rag() != null && d.rag() != previousRating) {
            history.add(new RagEntry(previousRating, d.rag(), now, recordedBy, d.ragReason() == null ? "" : d.ragReason()));
        }
        Instant closedAt = d.state() == CaseState.OPEN ? null
                : d.closedAt() != null ? d.closedAt()
                : before != null && before.closedAt() != null ? before.closedAt() : now;
        return new CaseFile(id, ref, d.subjectId(), d.caseType(), d.category(), d.state(), d.openedAt(), closedAt,
                d.leadWorker(), d.team(), d.contact(), d.rag(), d.needs(), history, now, recordedBy);
    }

    public Optional<CaseFile> byRef(String ref) {
        return Optional.ofNullable(cases.find(eq("ref", ref)).first()).map(CaseStore::fromDocument);
    }

    /** Every case about any of these persons. */
    public List<CaseFile> about(Collection<String> subjectIds) {
        Set<String> wanted = Set.copyOf(subjectIds);
        return byIds(bySubject.ids(subjectIds)).stream().filter(c -> wanted.contains(c.subjectId())).toList();
    }

    /** The open cases whose lead worker is exactly this display name. */
    public List<CaseFile> openLedBy(String leadWorker) {
        return byIds(byLeadWorker.ids(List.of(leadWorker))).stream()
                .filter(c -> leadWorker.equals(c.leadWorker()) && c.open()).toList();
    }

    public List<CaseFile> byIds(Collection<String> ids) {
        List<CaseFile> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            cases.find(in("_id", List.copyOf(ids))).forEach(d -> found.add(fromDocument(d)));
        }
        return found;
    }

    /** Every case, one at a time (aggregates are a pass over the whole node by nature). */
    public void forEach(java.util.function.Consumer<CaseFile> action) {
        cases.find().forEach(d -> action.accept(fromDocument(d)));
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
