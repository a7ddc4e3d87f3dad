package org.goldenthread.consent.breakglass;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.consent.common.DpoReviews;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.stereotype.Component;

/**
 * Break-glass sessions and their reviews. Both stay small (a handful a month per locality), so
 * plain filtered reads are fine; nothing here is on the path of an ordinary decision.
 */
@Component
public class BreakGlassStore {

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> reviews;

    public BreakGlassStore(MongoDatabase database) {
        this.sessions = database.getCollection("break_glass_sessions");
        this.reviews = database.getCollection("break_glass_reviews");
    }

    /**
     * The review entries first, then the session: a session is never live without its reviews.
     *
     * @param fingerprint of the normalised justification, for the copy rule (the text itself is kept beside it)
     */
    void open(BreakGlassSession session, String fingerprint, List<BreakGlassReview> pending) {
        pending.forEach(r -> reviews.insertOne(review(r)));
        sessions.insertOne(new Document("_id", session.id())
                .append("user", session.user())
                .append("agency", session.agency())
                .append("subjectDigest", session.subjectDigest())
                .append("sources", session.sources().stream().sorted().toList())
                .append("categories", session.categories().entrySet().stream().map(e -> new Document("source", e.getKey())
                        .append("categories", e.getValue().stream().sorted().map(Vocabulary::name).toList())).toList())
                .append("justification", session.justification())
                .append("justificationFingerprint", fingerprint)
                .append("renewalId", session.renewalId())
                .append("startedAt", Date.from(session.startedAt()))
                .append("endsAt", Date.from(session.endsAt())));
    }

    /** The user's sessions about this subject that ended after {@code since}, newest first. */
    List<BreakGlassSession> sessions(String user, String agency, String subjectDigest, Instant since) {
        return find(Filters.and(Filters.eq("user", user), Filters.eq("agency", agency),
                Filters.eq("subjectDigest", subjectDigest), Filters.gt("endsAt", Date.from(since))));
    }

    /** The user's sessions about anyone that end after {@code now}, newest first. */
    List<BreakGlassSession> live(String user, String agency, Instant now) {
        return find(Filters.and(Filters.eq("user", user), Filters.eq("agency", agency),
                Filters.gt("endsAt", Date.from(now))));
    }

    /**
     * Sessions the user opened since then without an approved renewal (what the limits count);
     * about one subject, or about anyone when {@code subjectDigest} is null.
     */
    long openedWithoutRenewal(String user, String agency, String subjectDigest, Instant since) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("user", user), Filters.eq("agency", agency),
                Filters.gt("startedAt", Date.from(since)), Filters.eq("renewalId", null)));
        if (subjectDigest != null) {
            filters.add(Filters.eq("subjectDigest", subjectDigest));
        }
        return sessions.countDocuments(Filters.and(filters));
    }

    /** Whether the user gave a justification with this fingerprint for a session started since then. */
    boolean justifiedAlike(String user, String agency, String fingerprint, Instant since) {
        return sessions.countDocuments(Filters.and(Filters.eq("user", user), Filters.eq("agency", agency),
                Filters.eq("justificationFingerprint", fingerprint), Filters.gt("startedAt", Date.from(since)))) > 0;
    }

    List<BreakGlassReview> reviews(String sourceAgency, boolean pendingOnly, int limit) {
        List<BreakGlassReview> found = new ArrayList<>();
        var filter = DpoReviews.of("sourceAgency", sourceAgency, pendingOnly);
        reviews.find(filter).sort(Sorts.descending("startedAt")).limit(limit)
                .forEach(d -> found.add(review(d)));
        return found;
    }

    Optional<BreakGlassReview> review(String id) {
        return Optional.ofNullable(reviews.find(Filters.eq("_id", id)).first()).map(BreakGlassStore::review);
    }

    /** Records the outcome unless one was recorded already (first DPO wins). */
    boolean close(String id, ReviewOutcome outcome, String note, String by, Instant at) {
        return DpoReviews.close(reviews, id, outcome.name(), note, by, at);
    }

    private List<BreakGlassSession> find(Bson filter) {
        List<BreakGlassSession> found = new ArrayList<>();
        sessions.find(filter).sort(Sorts.descending("startedAt")).forEach(d -> found.add(session(d)));
        return found;
    }

    /** Sessions stored before categories were kept read as releasing nothing (fail closed; they last an hour). */
    private static BreakGlassSession session(Document d) {
        Map<String, Set<DataCategory>> categories = new LinkedHashMap<>();
        for (Document entry : d.getList("categories", Document.class, List.of())) {
            Set<DataCategory> released = EnumSet.noneOf(DataCategory.class);
            entry.getList("categories", String.class, List.of()).forEach(c -> released.add(Vocabulary.category(c)));
            categories.put(entry.getString("source"), released);
        }
        return new BreakGlassSession(d.getString("_id"), d.getString("user"), d.getString("agency"),
                d.getString("subjectDigest"), Set.copyOf(d.getList("sources", String.class, List.of())), categories,
                d.getString("justification"), d.getDate("startedAt").toInstant(), d.getDate("endsAt").toInstant(),
                d.getString("renewalId"));
    }

    private static Document review(BreakGlassReview r) {
        return new Document("_id", r.id())
                .append("sessionId", r.sessionId())
                .append("sourceAgency", r.sourceAgency())
                .append("user", r.user())
                .append("agency", r.agency())
                .append("subjectDigest", r.subjectDigest())
                .append("justification", r.justification())
                .append("startedAt", Date.from(r.startedAt()))
                .append("endsAt", Date.from(r.endsAt()))
                .append("outcome", r.outcome() == null ? null : r.outcome().name())
                .append("note", r.note())
                .append("reviewedBy", r.reviewedBy())
                .append("reviewedAt", r.reviewedAt() == null ? null : Date.from(r.reviewedAt()));
    }

    private static BreakGlassReview review(Document d) {
        String outcome = d.getString("outcome");
        Date reviewedAt = d.getDate("reviewedAt");
        return new BreakGlassReview(d.getString("_id"), d.getString("sessionId"), d.getString("sourceAgency"),
                d.getString("user"), d.getString("agency"), d.getString("subjectDigest"), d.getString("justification"),
                d.getDate("startedAt").toInstant(), d.getDate("endsAt").toInstant(),
                outcome == null ? null : ReviewOutcome.valueOf(outcome), d.getString("note"), d.getString("reviewedBy"),
                reviewedAt == null ? null : reviewedAt.toInstant());
    }
}
