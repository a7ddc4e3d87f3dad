package org.goldenthread.consent.decision;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
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
        decisions.createIndex(Indexes.ascending("subjectDigest", "decidedAt"));
    }

    void append(ConsentDecision decision, Requester requester, String subjectDigest, DecisionRequest request,
            Instant decidedAt) {
        decisions.insertOne(new Document("_id", decision.decisionId())
                .append("requester", new Document("user", requester.user())
                        .append("agency", requester.agency())
                        .append("roles", requester.roles()))
                .append("subjectDigest", subjectDigest)
                .append("purpose", Vocabulary.name(decision.purpose()))
                .append("agenciesAsked", request.agencies())
                .append("categoriesAsked", request.categories().stream().map(Vocabulary::name).sorted().toList())
                .append("outcomes", decision.agencies().stream().map(DecisionLog::outcome).toList())
                .append("grantId", decision.grant() == null ? null : decision.decisionId())
                .append("grantExpiresAt", decision.expiresAt() == null ? null : Date.from(decision.expiresAt()))
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
}
