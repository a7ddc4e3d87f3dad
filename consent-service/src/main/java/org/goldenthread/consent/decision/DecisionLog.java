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
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.consent.consent.SubjectTokens;
import org.goldenthread.federation.Vocabulary;
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

    /**
     * @param grantIds per permitted agency, the id of its grant; empty when nothing was permitted
     * @param grantExpiresAt null when nothing was permitted
     * @param refusal the problem code of a request refused as a whole; null when decided
     */
    void append(String decisionId, Requester requester, DecisionRequest request, String subjectDigest,
            List<AgencyDecision> answers, Map<String, String> grantIds, Instant grantExpiresAt,
            String breakGlassSessionId, String refusal, Instant decidedAt) {
        decisions.insertOne(new Document("_id", decisionId)
                .append("requester", new Document("user", requester.user())
                        .append("agency", requester.agency())
                        .append("roles", requester.roles()))
                .append("subjectDigest", subjectDigest)
                .append("purpose", Vocabulary.name(request.purpose()))
                .append("agenciesAsked", request.agencies())
                .append("categoriesAsked", request.categories().stream().map(Vocabulary::name).sorted().toList())
                .append("outcomes", answers.stream().map(a -> outcome(a, grantIds.get(a.agency()))).toList())
                .append("breakGlassSessionId", breakGlassSessionId)
                .append("refusal", refusal)
                .append("grantExpiresAt", grantExpiresAt == null ? null : Date.from(grantExpiresAt))
                .append("decidedAt", Date.from(decidedAt)));
    }

    private static Document outcome(AgencyDecision decision, String grantId) {
        return new Document("agency", decision.agency())
                .append("outcome", decision.outcome().name())
                .append("categories", decision.categories().stream().map(Vocabulary::name).sorted().toList())
                .append("basis", decision.basis() == null ? null : Vocabulary.name(decision.basis()))
                .append("recordId", decision.recordId())
                .append("reason", decision.reason())
                .append("grantId", grantId)
                // What a withdrawal notice is built from: the consent records this release rested on.
                .append("consentIds", decision.consentIds().stream().sorted().toList())
                .append("anchors", decision.anchors().stream().map(SubjectTokens::kindName).sorted().toList());
    }

    /** Decisions in which {@code agency} asked or was asked, newest first. */
    public LoggedDecision.Page involving(String agency, int page, int size) {
        Bson filter = Filters.or(Filters.eq("requester.agency", agency), Filters.eq("agenciesAsked", agency));
        List<LoggedDecision> found = new ArrayList<>();
        decisions.find(filter).sort(Sorts.descending("decidedAt")).skip(page * size).limit(size)
                .forEach(doc -> found.add(read(doc)));
        return new LoggedDecision.Page(found, page, size, decisions.countDocuments(filter));
    }

    /**
     * Every logged decision in which a PERMIT rested on the consent record, newest first: the requester's agency
     * received data under it and each such answer's agency released it. A scan on the embedded store (which
     * ignores secondary indexes): once per withdrawal, never per decision.
     */
    public List<Reliance> relyingOn(String consentId) {
        List<Reliance> found = new ArrayList<>();
        decisions.find(Filters.eq("outcomes.consentIds", consentId)).sort(Sorts.descending("decidedAt"))
                .forEach(doc -> {
                    List<String> sources = doc.getList("outcomes", Document.class, List.of()).stream()
                            .filter(o -> o.getList("consentIds", String.class, List.of()).contains(consentId))
                            .map(o -> o.getString("agency")).toList();
                    found.add(new Reliance(doc.getString("_id"), doc.get("requester", Document.class)
                            .getString("agency"), sources));
                });
        return found;
    }

    /** One decision that rested on a consent: who received under it, and which sources released. */
    public record Reliance(String decisionId, String recipient, List<String> sources) {
        public Reliance {
            sources = List.copyOf(sources);
        }
    }

    private static LoggedDecision read(Document doc) {
        Document requester = doc.get("requester", Document.class);
        Date expires = doc.getDate("grantExpiresAt");
        // Decisions logged before grants were per agency kept one grant id for all, the decision's own.
        String sharedGrant = doc.getString("grantId");
        return new LoggedDecision(doc.getString("_id"), requester.getString("user"), requester.getString("agency"),
                requester.getList("roles", String.class, List.of()), doc.getString("subjectDigest"),
                doc.getString("purpose"), doc.getList("agenciesAsked", String.class, List.of()),
                doc.getList("categoriesAsked", String.class, List.of()),
                doc.getList("outcomes", Document.class, List.of()).stream().map(o -> new LoggedDecision.Answer(
                        o.getString("agency"), o.getString("outcome"), o.getList("categories", String.class, List.of()),
                        o.getString("basis"), o.getString("recordId"), o.getString("reason"),
                        o.getString("grantId") != null ? o.getString("grantId")
                                : "PERMIT".equals(o.getString("outcome")) ? sharedGrant : null,
                        o.getList("anchors", String.class, List.of()))).toList(),
                doc.getString("breakGlassSessionId"), doc.getString("refusal"),
                expires == null ? null : expires.toInstant(), doc.getDate("decidedAt").toInstant());
    }
}
