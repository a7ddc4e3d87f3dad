package org.goldenthread.consent.aggregate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The aggregate queries each user has asked for, one document per user and UTC day, in the service's
 * own database, so every gateway replica (and every consent-service replica) draws on one budget. The
 * count goes up in one atomic update: two requests at once can never both take the last query.
 */
@Component
class AggregateBudgetStore {

    private final MongoCollection<Document> spent;

    AggregateBudgetStore(MongoDatabase database) {
        this.spent = database.getCollection("aggregate_budget");
        // A day's counts are of no use after it; MongoDB drops them (the embedded store keeps them: one small
        // document per user and day).
        spent.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Counts one more query of the user's on that day, and answers how many that makes. */
    int spend(String user, LocalDate day, Instant forgetAfter) {
        String id = day + "/" + user;
        for (int attempt = 0; ; attempt++) {
            try {
                Document after = spent.findOneAndUpdate(Filters.eq("_id", id),
                        Updates.combine(Updates.inc("queries", 1), Updates.setOnInsert("expiresAt", Date.from(forgetAfter))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                return after.getInteger("queries");
            } catch (MongoWriteException | MongoCommandException e) {
                // Two first queries of the day at once: one upsert inserts, the other meets its _id and is retried
                // as the update it now is.
                if (attempt > 0 || !duplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean duplicateKey(RuntimeException e) {
        return e instanceof MongoWriteException write ? write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                : ((MongoCommandException) e).getErrorCode() == 11000;
    }
}
