package org.goldenthread.consent.isa;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Every agreement, grouped by source, as decisions read them: held in memory and reloaded
 * whenever the store's agreement <em>generation</em> has moved. Each agreement write in this
 * service advances the generation after it lands, and every decision reads the generation first
 * (one primary-key read of a one-document collection), so a decision made after a revision or
 * termination returned — on this instance or any other sharing the database — reloads and sees it.
 * Agreements change a few times a year; decisions come many a second, and reading the agreements
 * themselves (an index and the documents, ten primary-key look-ups for five agencies) was a third of
 * a decision's store work. Consents are never held like this: they are read on every decision.
 */
final class AgreementSnapshots {

    static final String COLLECTION = "isa_generation";
    private static final String ID = "_id";
    private static final String KEY = "agreements";
    private static final String GENERATION = "generation";
    /**
     * Reloaded at least this often even when the generation has not moved: bounds the staleness a
     * writer could leave by dying between its write and advancing the generation.
     */
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Comparator<SharingAgreement> NEWEST_FIRST =
            Comparator.comparing(SharingAgreement::recordedAt).reversed().thenComparing(SharingAgreement::id);

    private final MongoCollection<Document> generations;
    private final Supplier<List<SharingAgreement>> everyAgreement;
    private volatile Snapshot current;

    AgreementSnapshots(MongoDatabase database, Supplier<List<SharingAgreement>> everyAgreement) {
        this.generations = database.getCollection(COLLECTION);
        this.everyAgreement = everyAgreement;
    }

    /** After every agreement write, whether it changed anything or failed half-way. */
    void advance() {
        current = null;
        generations.updateOne(Filters.eq(ID, KEY), Updates.inc(GENERATION, 1L), new UpdateOptions().upsert(true));
    }

    /** Agreements (any status) whose source is one of {@code sources}, newest first. */
    List<SharingAgreement> bySources(Collection<String> sources) {
        long generation = generation();
        long now = System.nanoTime();
        Snapshot snapshot = current;
        if (snapshot == null || snapshot.generation() != generation || now - snapshot.loadedAt() > MAX_AGE_NANOS) {
            // Loaded after reading the generation: a snapshot is never older than the generation it carries.
            snapshot = new Snapshot(generation, now, bySource(everyAgreement.get()));
            current = snapshot;
        }
        List<SharingAgreement> found = new ArrayList<>();
        for (String source : sources) {
            found.addAll(snapshot.bySource().getOrDefault(source, List.of()));
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    private long generation() {
        Document doc = generations.find(Filters.eq(ID, KEY)).first();
        return doc == null ? 0 : ((Number) doc.get(GENERATION)).longValue();
    }

    private static Map<String, List<SharingAgreement>> bySource(List<SharingAgreement> agreements) {
        Map<String, List<SharingAgreement>> grouped = new LinkedHashMap<>();
        for (SharingAgreement agreement : agreements) {
            grouped.computeIfAbsent(agreement.sourceAgency(), source -> new ArrayList<>()).add(agreement);
        }
        grouped.replaceAll((source, list) -> List.copyOf(list));
        return Map.copyOf(grouped);
    }

    private record Snapshot(long generation, long loadedAt, Map<String, List<SharingAgreement>> bySource) {
    }
}
