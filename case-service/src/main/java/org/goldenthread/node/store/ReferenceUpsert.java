package org.goldenthread.node.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

import java.util.function.BiFunction;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The idempotent save behind every {@code PUT} by the agency's own reference: replace the record
 * found by the reference, keeping its node id, or insert it under a new id. A unique index on the
 * reference makes two concurrent first PUTs safe: the loser replaces the winner's record.
 */
public final class ReferenceUpsert {

    private ReferenceUpsert() {
    }

    /**
     * @param byReference the filter finding the record by its reference (plain values only)
     * @param build the document to store, from the id to use and the stored document or null
     */
    public static Saved save(MongoCollection<Document> collection, Bson byReference,
            BiFunction<String, Document, Document> build) {
        for (int attempt = 0; ; attempt++) {
            Document existing = collection.find(byReference).first();
            if (existing != null) {
                String id = existing.getString("_id");
                collection.replaceOne(new Document("_id", id), build.apply(id, existing));
                return new Saved(id, false);
            }
            String id = RecordIds.next();
            try {
                collection.insertOne(build.apply(id, null));
                return new Saved(id, true);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt > 0) {
                    throw e;
                }
            }
        }
    }
}
