package org.goldenthread.consent.breakglass;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Break-glass renewal requests. Deciding and using are conditional updates, so two approvers
 * cannot both decide one request and one approval cannot open two sessions.
 */
@Component
class RenewalStore {

    private final MongoCollection<Document> renewals;

    RenewalStore(MongoDatabase database) {
        this.renewals = database.getCollection("break_glass_renewals");
    }

    void insert(RenewalRequest r) {
        renewals.insertOne(new Document("_id", r.id())
                .append("user", r.user())
                .append("agency", r.agency())
                .append("subjectDigest", r.subjectDigest())
                .append("renewsSession", r.renewsSession())
                .append("sources", r.sources().stream().sorted().toList())
                .append("justification", r.justification())
                .append("requestedAt", Date.from(r.requestedAt()))
                .append("status", r.status().name()));
    }

    Optional<RenewalRequest> find(String id) {
        return Optional.ofNullable(renewals.find(Filters.eq("_id", id)).first()).map(RenewalStore::read);
    }

    /** The requester's requests about this subject in {@code status} decided (or asked, when pending) since then. */
    List<RenewalRequest> of(String user, String agency, String subjectDigest, RenewalRequest.Status status,
            Instant since) {
        String when = status == RenewalRequest.Status.PENDING ? "requestedAt" : "decidedAt";
        return list(Filters.and(Filters.eq("user", user), Filters.eq("agency", agency),
                Filters.eq("subjectDigest", subjectDigest), Filters.eq("status", status.name()),
                Filters.eq("usedBySession", null), Filters.gt(when, Date.from(since))), 50);
    }

    /** An agency's requests, newest first; only the pending ones when asked. */
    List<RenewalRequest> ofAgency(String agency, boolean pendingOnly, int limit) {
        Bson ofAgency = Filters.eq("agency", agency);
        return list(pendingOnly ? Filters.and(ofAgency, Filters.eq("status", "PENDING")) : ofAgency, limit);
    }

    /** Records the decision unless one was recorded already (first approver wins). */
    boolean decide(String id, RenewalRequest.Status status, String by, String note, Instant at) {
        return renewals.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "PENDING")),
                Updates.combine(Updates.set("status", status.name()), Updates.set("decidedBy", by),
                        Updates.set("note", note), Updates.set("decidedAt", Date.from(at))))
                .getModifiedCount() == 1;
    }

    /** Marks an approval used by {@code sessionId}; false when it was used already. */
    boolean use(String id, String sessionId, Instant at) {
        return renewals.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "APPROVED"),
                        Filters.eq("usedBySession", null)),
                Updates.combine(Updates.set("usedBySession", sessionId), Updates.set("usedAt", Date.from(at))))
                .getModifiedCount() == 1;
    }

    private List<RenewalRequest> list(Bson filter, int limit) {
        List<RenewalRequest> found = new ArrayList<>();
        renewals.find(filter).sort(Sorts.descending("requestedAt")).limit(limit).forEach(d -> found.add(read(d)));
        return found;
    }

    private static RenewalRequest read(Document d) {
        return new RenewalRequest(d.getString("_id"), d.getString("user"), d.getString("agency"),
                d.getString("subjectDigest"), d.getString("renewsSession"),
                Set.copyOf(d.getList("sources", String.class, List.of())), d.getString("justification"),
                d.getDate("requestedAt").toInstant(), RenewalRequest.Status.valueOf(d.getString("status")),
                d.getString("decidedBy"), instant(d.getDate("decidedAt")), d.getString("note"),
                d.getString("usedBySession"), instant(d.getDate("usedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
