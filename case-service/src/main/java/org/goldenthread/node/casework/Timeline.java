package org.goldenthread.node.casework;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.goldenthread.node.store.Bulk;

/**
 * Each case's timeline as small entries (event id, time, category) in buckets of
 * {@value #BUCKET} per document, collection {@code timeline}: {@code _id} "caseId/n" counts the
 * case's events, "caseId/0", "caseId/1", … hold the entries. Reading a person's timeline is then a
 * few {@code _id} look-ups whose cost grows with that person's own events, never with the node's
 * (the embedded store cannot range-scan or sort through an index). Each event document records
 * its sequence number, so a re-saved event updates its entry in place.
 */
final class Timeline {

    static final int BUCKET = 1000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    /** One entry: enough to filter by category and order the page before fetching any event. */
    record Entry(String eventId, String caseId, Instant occurredAt, String category) {
    }

    private final MongoCollection<Document> buckets;

    Timeline(MongoDatabase database) {
        this.buckets = database.getCollection("timeline");
    }

    /** The next sequence number of the case's events (1, 2, …), allocated atomically. */
    long nextSequence(String caseId) {
        Document counter = buckets.findOneAndUpdate(eq("_id", caseId + "/n"), Updates.inc("n", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("n")).longValue();
    }

    /** Files (or re-files) the event's entry in the bucket of its sequence number. */
    void put(long sequence, Entry entry) {
        String bucket = entry.caseId() + "/" + (sequence - 1) / BUCKET;
        buckets.updateOne(eq("_id", bucket), Updates.pull("entries", new Document("e", entry.eventId())));
        buckets.updateOne(eq("_id", bucket), Updates.push("entries", new Document("e", entry.eventId())
                .append("t", Date.from(entry.occurredAt())).append("c", entry.category())), UPSERT);
    }

    /**
     * Sets the event counters of cases that have none yet (an import); a case that already has
     * one fails on the unique {@code _id} before any of the import's events is written.
     */
    void claim(Map<String, Long> countsByCase) {
        List<Document> counters = new ArrayList<>(countsByCase.size());
        countsByCase.forEach((caseId, n) -> counters.add(new Document("_id", caseId + "/n").append("n", n)));
        if (!counters.isEmpty()) {
            Bulk.insert(buckets, counters);
        }
    }

    /**
     * Files the entries of claimed cases, in each case's sequence order (the i-th entry of a case
     * has sequence i + 1): the buckets {@link #put} would have built, one insert for all.
     */
    void fill(List<Entry> entries) {
        Map<String, List<Document>> byBucket = new LinkedHashMap<>();
        Map<String, Long> sequence = new HashMap<>();
        for (Entry entry : entries) {
            long n = sequence.merge(entry.caseId(), 1L, Long::sum);
            byBucket.computeIfAbsent(entry.caseId() + "/" + (n - 1) / BUCKET, k -> new ArrayList<>())
                    .add(new Document("e", entry.eventId()).append("t", Date.from(entry.occurredAt()))
                            .append("c", entry.category()));
        }
        List<Document> documents = new ArrayList<>(byBucket.size());
        byBucket.forEach((id, list) -> documents.add(new Document("_id", id).append("entries", list)));
        if (!documents.isEmpty()) {
            Bulk.insert(buckets, documents);
        }
    }

    /** Every entry of these cases, in no particular order. */
    List<Entry> of(Collection<String> caseIds) {
        List<Entry> entries = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return entries;
        }
        List<String> bucketIds = new ArrayList<>();
        buckets.find(in("_id", caseIds.stream().map(id -> id + "/n").toList())).forEach(counter -> {
            String caseId = counter.getString("_id").substring(0, counter.getString("_id").length() - 2);
            long count = ((Number) counter.get("n")).longValue();
            for (long b = 0; b <= (count - 1) / BUCKET; b++) {
                bucketIds.add(caseId + "/" + b);
            }
        });
        if (bucketIds.isEmpty()) {
            return entries;
        }
        buckets.find(in("_id", bucketIds)).forEach(bucket -> {
            String id = bucket.getString("_id");
            String caseId = id.substring(0, id.lastIndexOf('/'));
            for (Document e : bucket.getList("entries", Document.class, List.of())) {
                entries.add(new Entry(e.getString("e"), caseId, e.getDate("t").toInstant(), e.getString("c")));
            }
        });
        return entries;
    }
}
