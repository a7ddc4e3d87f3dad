package org.goldenthread.consent.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * A lookup table "key → ids of the documents filed under it", kept as one document per key whose
 * {@code _id} is the key. Reading it is a primary-key lookup on every store: the embedded
 * mongo-java-server ignores non-unique secondary indexes (a query on an array field would scan
 * the whole collection), real MongoDB answers it from the {@code _id} index just the same.
 *
 * <p>Without multi-document transactions the entry is written <em>before</em> the document it
 * points to and removed <em>after</em> it, so an id may dangle (the document insert failed or is
 * gone) but a stored document is never missing from its keys: readers skip ids they cannot load.
 */
public final class KeyedIdIndex {

    private static final String IDS = "ids";

    private final MongoCollection<Document> entries;

    public KeyedIdIndex(MongoDatabase database, String collection) {
        this.entries = database.getCollection(collection);
    }

    public void add(Collection<String> keys, String id) {
        for (String key : keys) {
            entries.updateOne(Filters.eq("_id", key), Updates.addToSet(IDS, id), new UpdateOptions().upsert(true));
        }
    }

    public void remove(Collection<String> keys, String id) {
        for (String key : keys) {
            entries.updateOne(Filters.eq("_id", key), Updates.pull(IDS, id));
        }
    }

    /** The ids filed under any of the keys, without duplicates. */
    public Set<String> ids(Collection<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return ids;
        }
        // $in on _id alone is answered from the primary key by both stores.
        entries.find(Filters.in("_id", List.copyOf(keys)))
                .forEach(entry -> ids.addAll(entry.getList(IDS, String.class, List.of())));
        return ids;
    }

    public boolean isEmpty() {
        return entries.find().limit(1).first() == null;
    }
}
