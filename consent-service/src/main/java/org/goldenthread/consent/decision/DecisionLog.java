package org.goldenthread.consent.decision;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.Purpose;
import org.springframework.stereotype.Component;

/**
 * Every decision, kept for audit (who asked, about which subject digest, for what, and why the
 * answer was what it was). Never the linkage tokens themselves: the digest names the subject.
 */
@Component
public class DecisionLog {

    private final MongoCollection<Document> decisions;

    public DecisionLog(MongoDatabase database) {
        this.decisions = database.getCollection("decisions");
        // For the DPO query on real MongoDB; the embedded store ignores them (and scans, which is fine off the hot path).
        decisions.createIndex(Indexes.ascending("requester.agency", "decidedAt"));
        decisions.createIndex(Indexes.ascending("agenciesAsked", "decidedAt"));
    }

    /** @param grantExpiresAt null when nothing was permitted (no grant); else the grant's id is the decision's */
    void append(String decisionId, Purpose purpose, List<AgencyDecision> answers, Instant grantExpiresAt,
            Requester requester, String subjectDigest, DecisionRequest request, String breakGlassSessionId,
            Instant decidedAt) {
        decisions.insertOne(new Document("_id", decisionId)
                .append("requester", new Document("user", requester.user())
                        .append("agency", requester.agency())
                        .append("roles", requester.roles()))
                .append("subjectDigest", subjectDigest)
                .append("purpose", Vocabulary.name(purpose))
                .append("agenciesAsked", request.agencies())
                .append("categoriesAsked", request.categories().stream().map(Vocabulary::name).sorted().toList())
                .append("outcomes", answers.stream().map(DecisionLog::outcome).toList())
                .append("breakGlassSessionId", breakGlassSessionId)
                .append("grantId", grantExpiresAt == null ? null : decisionId)
                .append("grantExpiresAt", grantExpiresAt == null ? null : Date.from(grantExpiresAt))
                .append("decidedAt", Date.from(decidedAt)));
    }

    private static Document outcome(AgencyDecision decision) {
        return new Document("agency", decision.agency())
                .append("outcome", decision.outcome().name())
                .append("categories", decision.categories().stream().map(Vocabulary::name).sorted().toList())
                .append("basis", decision.basis() == null ? null : Vocabulary.name(decision.basis()))
                .append("recordId", decision.recordId())
                .append("reason", decision.reason());
    }

    /** Decisions in which {@code agency} asked or was asked, newest first. */
    public LoggedDecision.Page involving(String agency, int page, int size) {
        Bson filter = Filters.or(Filters.eq("requester.agency", agency), Filters.eq("agenciesAsked", agency));
        List<LoggedDecision> found = new ArrayList<>();
        decisions.find(filter).sort(Sorts.descending("decidedAt")).skip(page * size).limit(size)
                .forEach(doc -> found.add(read(doc)));
        return new LoggedDecision.Page(found, page, size, decisions.countDocuments(filter));
    }

    private static LoggedDecision read(Document doc) {
        Document requester = doc.get("requester", Document.class);
        Date expires = doc.getDate("grantExpiresAt");
        return new LoggedDecision(doc.getString("_id"), requester.getString("user"), requester.getString("agency"),
                requester.getList("roles", String.class, List.of()), doc.getString("subjectDigest"),
                doc.getString("purpose"), doc.getList("agenciesAsked", String.class, List.of()),
                doc.getList("categoriesAsked", String.class, List.of()),
                doc.getList("outcomes", Document.class, List.of()).stream().map(o -> new LoggedDecision.Answer(
                        o.getString("agency"), o.getString("outcome"), o.getList("categories", String.class, List.of()),
                        o.getString("basis"), o.getString("recordId"), o.getString("reason"))).toList(),
                doc.getString("breakGlassSessionId"), doc.getString("grantId"),
                expires == null ? null : expires.toInstant(), doc.getDate("decidedAt").toInstant());
    }
}
