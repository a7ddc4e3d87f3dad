package org.goldenthread.consent.consent;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.goldenthread.consent.decision.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit of every allowed read of another agency's consent record (a DPO of a named source or recipient):
 * kept in {@code consent_reads} (who, their agency, the record, when) for the recording agency to ask about, and
 * written to the audit log with ids of the record and agencies only — never the reader's user id, which is
 * personal data, and never anything about the subject.
 */
@Component
public class CrossAgencyReads {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final MongoCollection<Document> reads;

    public CrossAgencyReads(MongoDatabase database) {
        this.reads = database.getCollection("consent_reads");
    }

    /** @param view how it was read: {@code record}, {@code fhir} or {@code fhir-search} */
    void record(ConsentRecord record, Requester reader, String view, Instant at) {
        reads.insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("consentId", record.id())
                .append("revision", record.revision())
                .append("recordedByAgency", record.recordedByAgency())
                .append("user", reader.user())
                .append("agency", reader.agency())
                .append("view", view)
                .append("at", Date.from(at)));
        AUDIT.atInfo()
                .addKeyValue("audit.event", "consent-read-across-agencies")
                .addKeyValue("consent.id", record.id())
                .addKeyValue("consent.agency", record.recordedByAgency())
                .addKeyValue("reader.agency", reader.agency())
                .log("consent {} of {} read by {} ({})", record.id(), record.recordedByAgency(), reader.agency(), view);
    }
}
