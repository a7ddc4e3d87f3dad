package org.goldenthread.node.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * A reverse index kept as one document per key, {@code {_id: key, ids: [...]}}, so that every
 * look-up is an {@code _id} look-up. Why not a secondary index: the embedded store
 * (mongo-java-server, H2 backend) ignores non-unique secondary indexes and serves a query on any
 * other field, or a range on {@code _id}, by scanning the whole collection; only equality or
 * {@code $in} on a unique key is an index look-up there. The same documents work unchanged on a
 * real MongoDB.
 *
 * <p>No multi-document transactions: writers add the new keys before removing the old ones, so an
 * interrupted write leaves an extra posting, never a missing one, and every reader re-checks the
 * documents it fetches through the index against the condition it asked for.
 */
public final class ReverseIndex {

    private static final String IDS = "ids";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> postings;

    public ReverseIndex(MongoDatabase database, String collection) {
        this.postings = database.getCollection(collection);
    }

    public void add(String key, String id) {
        postings.updateOne(eq("_id", key), Updates.addToSet(IDS, id), UPSERT);
    }

    /**
     * Files many ids at once, one write per key however many ids it gains: the bulk form of
     * {@link #add} (same documents), for imports, where one update per posting would rewrite a
     * popular key's document once per record.
     */
    public void addAll(Map<String, ? extends Collection<String>> idsByKey) {
        List<WriteModel<Document>> writes = new ArrayList<>(idsByKey.size());
        idsByKey.forEach((key, ids) -> writes.add(new UpdateOneModel<>(eq("_id", key),
                Updates.addEachToSet(IDS, List.copyOf(ids)), UPSERT)));
        if (!writes.isEmpty()) {
            Bulk.write(postings, writes);
        }
    }

    public void remove(String key, String id) {
        postings.updateOne(eq("_id", key), Updates.pull(IDS, id));
    }

    /** Re-files {@code id} from its old keys under its new ones (new ones first, see the class comment). */
    public void move(String id, Collection<String> oldKeys, Collection<String> newKeys) {
        Set<String> added = new LinkedHashSet<>(newKeys);
        added.forEach(key -> add(key, id));
        oldKeys.stream().filter(key -> !added.contains(key)).distinct().forEach(key -> remove(key, id));
    }

    /** The ids filed under any of the keys. */
    public Set<String> ids(Collection<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        idsByKey(keys).values().forEach(ids::addAll);
        return ids;
    }

    /** The ids filed under each key that has any. */
    public Map<String, List<String>> idsByKey(Collection<String> keys) {
        Map<String, List<String>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        postings.find(in("_id", List.copyOf(new LinkedHashSet<>(keys))))
                .forEach(d -> found.put(d.getString("_id"), d.getList(IDS, String.class, List.of())));
        return found;
    }
}
