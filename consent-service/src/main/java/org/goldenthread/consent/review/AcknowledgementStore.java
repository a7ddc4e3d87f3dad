package org.goldenthread.consent.review;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.decision.Acknowledged;
import org.springframework.stereotype.Component;

/**
 * Source agencies' acknowledgements of consent revisions, one document per (consent, revision, source) keyed by
 * exactly that: the first acknowledgement stands (a second is a duplicate key), and a decision reads the ones it
 * needs by primary key, which the embedded store and real MongoDB both answer without a scan.
 */
@Component
public class AcknowledgementStore {

    private final MongoCollection<Document> acknowledgements;

    public AcknowledgementStore(MongoDatabase database) {
        this.acknowledgements = database.getCollection("consent_acknowledgements");
    }

    /** Which of the records' current revisions each source has acknowledged; no read when there is nothing to ask. */
    public Acknowledged among(List<ConsentRecord> records, List<String> sources) {
        List<String> keys = new ArrayList<>();
        for (ConsentRecord record : records) {
            for (String source : sources) {
                keys.add(Acknowledged.key(record.id(), record.revision(), source));
            }
        }
        if (keys.isEmpty()) {
            return Acknowledged.NOTHING;
        }
        Set<String> found = new HashSet<>();
        acknowledgements.find(Filters.in("_id", keys)).projection(Projections.include("_id"))
                .forEach(doc -> found.add(doc.getString("_id")));
        return new Acknowledged(found);
    }

    /** Records the acknowledgement; false when the source had already acknowledged that revision. */
    boolean acknowledge(ConsentRecord record, String source, String by, String note, Instant at) {
        try {
            acknowledgements.insertOne(new Document("_id", Acknowledged.key(record.id(), record.revision(), source))
                    .append("consentId", record.id()).append("revision", record.revision()).append("agency", source)
                    .append("by", by).append("note", note).append("at", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /** Every acknowledgement {@code agency} made, by key: for its queue (a scan on the embedded store, off the hot path). */
    Map<String, Acknowledgement> by(String agency) {
        Map<String, Acknowledgement> found = new HashMap<>();
        acknowledgements.find(Filters.eq("agency", agency)).forEach(doc -> found.put(doc.getString("_id"),
                new Acknowledgement(doc.getString("by"), doc.getDate("at").toInstant(), doc.getString("note"))));
        return found;
    }

    /** The acknowledgements of these (consent, revision, source) keys, by key. */
    Map<String, Acknowledgement> of(List<String> keys) {
        Map<String, Acknowledgement> found = new HashMap<>();
        if (!keys.isEmpty()) {
            acknowledgements.find(Filters.in("_id", keys)).forEach(doc -> found.put(doc.getString("_id"),
                    new Acknowledgement(doc.getString("by"), doc.getDate("at").toInstant(), doc.getString("note"))));
        }
        return found;
    }

    /** Who acknowledged, when, and what they noted. */
    record Acknowledgement(String by, Instant at, String note) {
    }
}
