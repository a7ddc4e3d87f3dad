package org.goldenthread.node.casework;

import static com.mongodb.client.model.Filters.in;
import static org.goldenthread.node.casework.CaseStore.date;
import static org.goldenthread.node.casework.CaseStore.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.node.store.Bulk;
import org.goldenthread.node.store.RecordIds;
import org.goldenthread.node.store.ReferenceUpsert;
import org.goldenthread.node.store.Saved;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.stereotype.Component;

/**
 * Timeline events, collection {@code events}, keyed by (case, the agency's event reference) with
 * a unique index; a case's events are found through its {@link Timeline}, never by a scan.
 */
@Component
public class EventStore {

    private final MongoCollection<Document> events;
    private final Timeline timeline;
    private final Clock clock = Clock.systemUTC();

    public EventStore(MongoDatabase database) {
        this.events = database.getCollection("events");
        this.timeline = new Timeline(database);
        events.createIndex(Indexes.ascending("caseId", "ref"), new IndexOptions().unique(true));
    }

    /**
     * Creates or replaces the event; its timeline entry follows. Between the two writes the event is
     * missing from federated answers (never released unlisted); saving it again repairs the entry.
     */
    public Saved save(String caseId, String ref, EventKind kind, DataCategory category, Instant occurredAt,
            String summary, String author) {
        // A plain document, not Filters.and: only a filter on exactly the index's keys is an index look-up
        // on the embedded store.
        Document byRef = new Document("caseId", caseId).append("ref", ref);
        long[] sequence = new long[1];
        Saved saved = ReferenceUpsert.save(events, byRef, (id, stored) -> {
            Object known = stored == null ? null : stored.get("seq");
            sequence[0] = known instanceof Number n ? n.longValue() : timeline.nextSequence(caseId);
            return toDocument(id, caseId, sequence[0], new NewEvent(ref, kind, category, occurredAt, summary, author),
                    clock.instant());
        });
        timeline.put(sequence[0], new Timeline.Entry(saved.id(), caseId, occurredAt, Vocabulary.name(category)));
        return saved;
    }

    /**
     * Stores the whole timeline of cases that have no events yet (an import, the benchmark's
     * generator): the same event documents and timeline entries as {@link #save}, numbered 1…n per
     * case in list order, written with a few inserts per batch instead of five writes per event.
     * The cases' counters are claimed first, so a case that already has events fails the import
     * (duplicate key) before any of its events is written.
     */
    public Map<String, List<Saved>> importTimelines(Map<String, List<NewEvent>> eventsByCase) {
        Map<String, Long> counts = new LinkedHashMap<>();
        eventsByCase.forEach((caseId, list) -> {
            if (!list.isEmpty()) {
                counts.put(caseId, (long) list.size());
            }
        });
        timeline.claim(counts);
        Instant now = clock.instant();
        List<Document> documents = new ArrayList<>();
        List<Timeline.Entry> entries = new ArrayList<>();
        Map<String, List<Saved>> saved = new LinkedHashMap<>();
        eventsByCase.forEach((caseId, list) -> {
            List<Saved> ofCase = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                NewEvent e = list.get(i);
                String id = RecordIds.next();
                documents.add(toDocument(id, caseId, i + 1, e, now));
                entries.add(new Timeline.Entry(id, caseId, e.occurredAt(), Vocabulary.name(e.category())));
                ofCase.add(new Saved(id, true));
            }
            saved.put(caseId, ofCase);
        });
        if (!documents.isEmpty()) {
            Bulk.insert(events, documents);
        }
        timeline.fill(entries);
        return saved;
    }

    private static Document toDocument(String id, String caseId, long sequence, NewEvent e, Instant recordedAt) {
        return new Document("_id", id)
                .append("ref", e.ref())
                .append("caseId", caseId)
                .append("seq", sequence)
                .append("kind", e.kind().name())
                .append("category", Vocabulary.name(e.category()))
                .append("occurredAt", date(e.occurredAt()))
                .append("summary", e.summary())
                .append("author", e.author())
                .append("recordedAt", Date.from(recordedAt));
    }

    /**
     * Events of these cases in these categories, newest first (ties by id), starting after
     * {@code after} (null: first page). The category filter is applied again to each stored event,
     * so a stale timeline entry can never release an event outside {@code categories}.
     */
    public EventPage page(Collection<String> caseIds, Collection<DataCategory> categories, EventCursor after, int size) {
        if (caseIds.isEmpty() || categories.isEmpty()) {
            return new EventPage(List.of(), null);
        }
        Set<String> wanted = categories.stream().map(Vocabulary::name).collect(Collectors.toSet());
        Set<String> cases = Set.copyOf(caseIds);
        Comparator<Timeline.Entry> newestFirst = Comparator.comparing(Timeline.Entry::occurredAt).reversed()
                .thenComparing(Timeline.Entry::eventId);
        List<Timeline.Entry> entries = timeline.of(caseIds).stream()
                .filter(e -> wanted.contains(e.category()))
                .filter(e -> after == null || e.occurredAt().isBefore(after.occurredAt())
                        || e.occurredAt().equals(after.occurredAt()) && e.eventId().compareTo(after.id()) > 0)
                .sorted(newestFirst)
                .toList();
        List<CaseEvent> found = new ArrayList<>(size + 1);
        int from = 0;
        // Entries whose event no longer qualifies are skipped, so a page is fetched in rounds.
        while (found.size() <= size && from < entries.size()) {
            List<Timeline.Entry> round = entries.subList(from, Math.min(entries.size(), from + size + 1 - found.size()));
            from += round.size();
            Map<String, CaseEvent> byId = new HashMap<>();
            events.find(in("_id", round.stream().map(Timeline.Entry::eventId).toList()))
                    .forEach(d -> byId.put(d.getString("_id"), fromDocument(d)));
            for (Timeline.Entry e : round) {
                CaseEvent event = byId.get(e.eventId());
                if (event != null && cases.contains(event.caseId()) && categories.contains(event.category())
                        && event.occurredAt().equals(e.occurredAt())) {
                    found.add(event);
                }
            }
        }
        if (found.size() <= size) {
            return new EventPage(found, null);
        }
        CaseEvent last = found.get(size - 1);
        return new EventPage(found.subList(0, size), new EventCursor(last.occurredAt(), last.id()));
    }

    private static CaseEvent fromDocument(Document d) {
        return new CaseEvent(d.getString("_id"), d.getString("ref"), d.getString("caseId"),
                EventKind.valueOf(d.getString("kind")), Vocabulary.category(d.getString("category")),
                instant(d.getDate("occurredAt")), d.getString("summary"), d.getString("author"),
                instant(d.getDate("recordedAt")));
    }
}
