package org.goldenthread.node.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.List;
import org.bson.Document;

/**
 * Imports' writes in commands of at most {@value #CHUNK} documents: the embedded store executes a
 * command whole before answering, and a large one can outlast the client's 10 s read
 * timeout on a busy machine (seen at 20,000 events, and once at 1,000 postings, under load).
 */
public final class Bulk {

    static final int CHUNK = 250;

    private Bulk() {
    }

    public static void insert(MongoCollection<Document> collection, List<Document> documents) {
        for (int from = 0; from < documents.size(); from += CHUNK) {
            collection.insertMany(documents.subList(from, Math.min(documents.size(), from + CHUNK)));
        }
    }

    static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        for (int from = 0; from < writes.size(); from += CHUNK) {
            collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + CHUNK)),
                    new BulkWriteOptions().ordered(false));
        }
    }
}
