package org.goldenthread.consent.burst;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.consent.breakglass.ReviewOutcome;
import org.goldenthread.consent.common.DpoReviews;
import org.springframework.stereotype.Component;

/**
 * Burst alerts. Rare by design (a refusal is an anomaly), so plain filtered reads are fine; nothing
 * here is on the path of a decision, and only a refused recording writes.
 */
@Component
class BurstAlertStore {

    private final MongoCollection<Document> alerts;

    BurstAlertStore(MongoDatabase database) {
        this.alerts = database.getCollection("burst_alerts");
    }

    /**
     * Counts the refusal on the agency's pending alert about the subject, or opens one. Two refusals at the
     * same instant may open two alerts: harmless, the DPO sees both.
     */
    BurstAlert raise(String agency, String user, String subjectDigest, int recent, int limit, Duration window,
            Instant at) {
        Bson pending = Filters.and(Filters.eq("agency", agency), Filters.eq("subjectDigest", subjectDigest),
                Filters.eq("outcome", null));
        Document existing = alerts.find(pending).first();
        if (existing != null && alerts.updateOne(Filters.and(Filters.eq("_id", existing.getString("_id")),
                        Filters.eq("outcome", null)),
                Updates.combine(Updates.inc("refusals", 1), Updates.set("user", user),
                        Updates.set("recentRecords", recent), Updates.set("lastRefusedAt", Date.from(at))))
                .getModifiedCount() == 1) {
            return alert(existing.getString("_id")).orElseThrow();
        }
        String id = UUID.randomUUID().toString();
        alerts.insertOne(new Document("_id", id)
                .append("agency", agency)
                .append("user", user)
                .append("subjectDigest", subjectDigest)
                .append("recentRecords", recent)
                .append("limit", limit)
                .append("window", window.toString())
                .append("refusals", 1)
                .append("firstRefusedAt", Date.from(at))
                .append("lastRefusedAt", Date.from(at))
                .append("outcome", null));
        return alert(id).orElseThrow();
    }

    List<BurstAlert> alerts(String agency, boolean pendingOnly, int limit) {
        Bson filter = DpoReviews.of("agency", agency, pendingOnly);
        List<BurstAlert> found = new ArrayList<>();
        alerts.find(filter).sort(Sorts.descending("lastRefusedAt")).limit(limit).forEach(d -> found.add(alert(d)));
        return found;
    }

    Optional<BurstAlert> alert(String id) {
        return Optional.ofNullable(alerts.find(Filters.eq("_id", id)).first()).map(BurstAlertStore::alert);
    }

    /** Records the outcome unless one was recorded already (first DPO wins). */
    boolean close(String id, ReviewOutcome outcome, String note, String by, Instant at) {
        return DpoReviews.close(alerts, id, outcome.name(), note, by, at);
    }

    private static BurstAlert alert(Document d) {
        String outcome = d.getString("outcome");
        Date reviewedAt = d.getDate("reviewedAt");
        return new BurstAlert(d.getString("_id"), d.getString("agency"), d.getString("user"),
                d.getString("subjectDigest"), d.getInteger("recentRecords"), d.getInteger("limit"),
                Duration.parse(d.getString("window")), d.getInteger("refusals"), d.getDate("firstRefusedAt").toInstant(),
                d.getDate("lastRefusedAt").toInstant(), outcome == null ? null : ReviewOutcome.valueOf(outcome),
                d.getString("note"), d.getString("reviewedBy"), reviewedAt == null ? null : reviewedAt.toInstant());
    }
}
