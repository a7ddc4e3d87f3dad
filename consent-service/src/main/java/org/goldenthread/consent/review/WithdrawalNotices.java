package org.goldenthread.consent.review;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.decision.DecisionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a consent is withdrawn, every agency whose decisions relied on it is told, so partners know that what
 * they hold was shared under a basis that has now ended: the recipients that received data under it and the
 * sources that released it, as the decision log shows (each PERMIT keeps the consent ids it rested on). One
 * notice per agency in {@code consent_notices}, with the newest {@value #MAX_DECISIONS} decision ids and the
 * count of all; shown in that agency's consent review queue as kind {@code RELIED_ON}.
 */
@Component
public class WithdrawalNotices {

    static final int MAX_DECISIONS = 100;
    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final MongoCollection<Document> notices;
    private final DecisionLog decisions;

    public WithdrawalNotices(MongoDatabase database, DecisionLog decisions) {
        this.notices = database.getCollection("consent_notices");
        this.decisions = decisions;
    }

    /** A notice per agency that received or released data under the withdrawn record. */
    public void withdrawn(ConsentRecord record) {
        Map<String, Set<String>> byAgency = new LinkedHashMap<>();
        for (DecisionLog.Reliance reliance : decisions.relyingOn(record.id())) {
            byAgency.computeIfAbsent(reliance.recipient(), a -> new LinkedHashSet<>()).add(reliance.decisionId());
            reliance.sources().forEach(source -> byAgency.computeIfAbsent(source, a -> new LinkedHashSet<>())
                    .add(reliance.decisionId()));
        }
        Instant at = record.withdrawal().at();
        byAgency.forEach((agency, ids) -> {
            // Replaced, not inserted: a notice is about the withdrawal, of which there is exactly one per record.
            notices.replaceOne(Filters.eq("_id", id(record.id(), agency)), new Document("_id", id(record.id(), agency))
                    .append("consentId", record.id()).append("revision", record.revision())
                    .append("agency", agency).append("recordedByAgency", record.recordedByAgency())
                    .append("subjectDigest", record.subjectDigest())
                    .append("decisionIds", ids.stream().limit(MAX_DECISIONS).toList())
                    .append("decisionCount", ids.size()).append("at", Date.from(at))
                    .append("acknowledgedBy", null).append("acknowledgedAt", null).append("note", null),
                    new ReplaceOptions().upsert(true));
            AUDIT.atInfo().addKeyValue("audit.event", "consent-withdrawal-notice")
                    .addKeyValue("consent.id", record.id()).addKeyValue("notice.agency", agency)
                    .addKeyValue("notice.decisions", ids.size())
                    .log("withdrawal of consent {} noticed to {} ({} decisions)", record.id(), agency, ids.size());
        });
    }

    /** The notices of {@code agency}, newest first; only those not yet acknowledged when asked. */
    List<Notice> of(String agency, boolean pendingOnly) {
        List<Notice> found = new ArrayList<>();
        notices.find(pendingOnly ? Filters.and(Filters.eq("agency", agency), Filters.eq("acknowledgedAt", null))
                : Filters.eq("agency", agency)).forEach(doc -> found.add(notice(doc)));
        return found;
    }

    Optional<Notice> find(String consentId, String agency) {
        return Optional.ofNullable(notices.find(Filters.eq("_id", id(consentId, agency))).first())
                .map(WithdrawalNotices::notice);
    }

    /** First acknowledgement stands: false when it was acknowledged already. */
    boolean acknowledge(String consentId, String agency, String by, String note, Instant at) {
        return notices.updateOne(Filters.and(Filters.eq("_id", id(consentId, agency)), Filters.eq("acknowledgedAt", null)),
                Updates.combine(Updates.set("acknowledgedBy", by), Updates.set("acknowledgedAt", Date.from(at)),
                        Updates.set("note", note))).getModifiedCount() == 1;
    }

    private static String id(String consentId, String agency) {
        return consentId + "|" + agency;
    }

    private static Notice notice(Document doc) {
        Date acknowledged = doc.getDate("acknowledgedAt");
        return new Notice(doc.getString("consentId"), doc.getInteger("revision"), doc.getString("agency"),
                doc.getString("recordedByAgency"), doc.getString("subjectDigest"),
                doc.getList("decisionIds", String.class, List.of()), doc.getInteger("decisionCount"),
                doc.getDate("at").toInstant(), doc.getString("acknowledgedBy"),
                acknowledged == null ? null : acknowledged.toInstant(), doc.getString("note"));
    }

    /** A withdrawal notice as stored. */
    record Notice(String consentId, int revision, String agency, String recordedByAgency, String subjectDigest,
            List<String> decisionIds, int decisionCount, Instant at, String acknowledgedBy, Instant acknowledgedAt,
            String note) {
    }
}
