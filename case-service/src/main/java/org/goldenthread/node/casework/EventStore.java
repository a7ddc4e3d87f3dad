package org.goldenthread.node.casework;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static org.goldenthread.node.casework.CaseStore.date;
import static org.goldenthread.node.casework.CaseStore.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.node.ReferenceUpsert;
import org.goldenthread.node.Saved;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.stereotype.Component;

/** Timeline events, collection {@code events}, keyed by (case, the agency's event reference). */
@Component
public class EventStore {

    private final MongoCollection<Document> events;
    private final Clock clock = Clock.systemUTC();

    public EventStore(MongoDatabase database) {
        this.events = database.getCollection("events");
        events.createIndex(Indexes.ascending("caseId", "ref"), new IndexOptions().unique(true));
        events.createIndex(Indexes.descending("occurredAt"));
    }

    public Saved save(String caseId, String ref, EventKind kind, DataCategory category, Instant occurredAt,
            String summary, String author) {
        return ReferenceUpsert.save(events, and(eq("caseId", caseId), eq("ref", ref)), (id, stored) ->
                new Document("_id", id)
                        .append("ref", ref)
                        .append("caseId", caseId)
                        .append("kind", kind.name())
                        .append("category", Vocabulary.name(category))
                        .append("occurredAt", date(occurredAt))
                        .append("summary", summary)
                        .append("author", author)
                        .append("recordedAt", Date.from(clock.instant())));
    }

    /** Events of these cases in these categories, newest first, starting after {@code after} (null: first page). */
    public EventPage page(Collection<String> caseIds, Collection<DataCategory> categories, EventCursor after, int size) {
        if (caseIds.isEmpty() || categories.isEmpty()) {
            return new EventPage(List.of(), null);
        }
        Bson filter = and(in("caseId", List.copyOf(caseIds)),
                in("category", categories.stream().map(Vocabulary::name).toList()));
        if (after != null) {
            Date at = Date.from(after.occurredAt());
            filter = and(filter, or(lt("occurredAt", at), and(eq("occurredAt", at), gt("_id", after.id()))));
        }
        List<CaseEvent> found = new ArrayList<>(size + 1);
        events.find(filter).sort(Sorts.orderBy(Sorts.descending("occurredAt"), Sorts.ascending("_id")))
                .limit(size + 1)
                .forEach(d -> found.add(fromDocument(d)));
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
