package org.goldenthread.consent.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What every DPO review queue in this service shares (break-glass reviews, consent-burst alerts):
 * an item is pending until a DPO records an outcome, and the first outcome recorded stands.
 */
public final class DpoReviews {

    private DpoReviews() {
    }

    /** The items of {@code agency} (held in {@code agencyField}), only the pending ones when asked. */
    public static Bson of(String agencyField, String agency, boolean pendingOnly) {
        Bson ofAgency = Filters.eq(agencyField, agency);
        return pendingOnly ? Filters.and(ofAgency, Filters.eq("outcome", null)) : ofAgency;
    }

    /** Records the outcome unless one was recorded already (first DPO wins); true when this one was. */
    public static boolean close(MongoCollection<Document> items, String id, String outcome, String note, String by,
            Instant at) {
        return items.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("outcome", null)),
                Updates.combine(Updates.set("outcome", outcome), Updates.set("note", note),
                        Updates.set("reviewedBy", by), Updates.set("reviewedAt", Date.from(at))))
                .getModifiedCount() == 1;
    }
}
