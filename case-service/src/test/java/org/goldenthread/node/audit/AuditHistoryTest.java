package org.goldenthread.node.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.goldenthread.platform.store.EmbeddedMongoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node upgraded in place keeps the audit chain it had: entries stored before persons and token
 * hashes were recorded verify with the same hashes, and the chain continues over them.
 */
class AuditHistoryTest {

    @TempDir
    static Path data;
    static EmbeddedMongoStore store;
    static MongoClient client;
    MongoDatabase database;
    MongoCollection<Document> stored;

    @BeforeAll
    static void start() {
        store = new EmbeddedMongoStore(data);
        client = MongoClients.create(store.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("history-" + UUID.randomUUID().toString().substring(0, 8));
        stored = database.getCollection("audit");
    }

    /** Three entries exactly as the previous version wrote them: its documents, its canonical form, its hashes. */
    void writeOldChain() throws Exception {
        String prev = "0".repeat(64);
        for (long sequence = 1; sequence <= 3; sequence++) {
            Instant at = Instant.parse("2026-01-0" + sequence + "T10:00:00.123Z");
            String canonical = "{\"sequence\":" + sequence + ",\"at\":\"" + at + "\",\"operation\":\"GetSubjectRecord\","
                    + "\"outcome\":\"RELEASED\",\"grantId\":\"g-" + sequence + "\",\"requester\":\"kim\","
                    + "\"requesterAgency\":\"council\",\"purpose\":\"CASE_MANAGEMENT\",\"basis\":\"CONSENT\","
                    + "\"categories\":[\"CRIME\"],\"recordIds\":[\"r-" + sequence + "\"],\"refusalReason\":\"\","
                    + "\"requestId\":\"req\",\"subjectDigest\":\"old-digest\"}";
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((prev + canonical).getBytes(StandardCharsets.UTF_8)));
            stored.insertOne(new Document("sequence", sequence).append("at", Date.from(at))
                    .append("operation", "GetSubjectRecord").append("outcome", "RELEASED").append("grantId", "g-" + sequence)
                    .append("requester", "kim").append("requesterAgency", "council").append("purpose", "CASE_MANAGEMENT")
                    .append("basis", "CONSENT").append("categories", List.of("CRIME")).append("recordIds", List.of("r-" + sequence))
                    .append("refusalReason", "").append("requestId", "req").append("subjectDigest", "old-digest")
                    .append("prevHash", prev).append("hash", hash));
            prev = hash;
        }
    }

    static AuditEvent aboutAPerson() {
        return new AuditEvent("GetSubjectRecord", AuditOutcome.RELEASED, "g-new", "kim", "council", "CASE_MANAGEMENT",
                "CONSENT", List.of("CRIME"), List.of("r-new"), "", "req", "new-digest", List.of("NHS:k1:aGFzaA"),
                List.of("person-1"), "EXACT", "");
    }

    @Test
    void verifiesAChainWrittenBeforePersonsWereRecordedAndContinuesIt() throws Exception {
        writeOldChain();
        AuditLog log = new AuditLog(database);
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 3, null));

        AuditEntry appended = log.append(aboutAPerson());

        assertThat(appended.sequence()).isEqualTo(4);
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 4, null));
        assertThat(log.entries().get(0).personIds()).isEmpty();
        assertThat(log.entries().get(3).personIds()).containsExactly("person-1");
    }

    @Test
    void namesAnOlderEntryGivenAPersonAfterTheFact() throws Exception {
        writeOldChain();
        AuditLog log = new AuditLog(database);
        log.append(aboutAPerson());

        stored.updateOne(eq("sequence", 2L), set("personIds", List.of("person-1")));

        assertThat(log.verify().firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void namesANewerEntryWhosePersonWasRemoved() throws Exception {
        writeOldChain();
        AuditLog log = new AuditLog(database);
        log.append(aboutAPerson());
        log.append(aboutAPerson());

        stored.updateOne(eq("sequence", 4L), set("personIds", List.of()));

        assertThat(log.verify().firstBrokenSequence()).isEqualTo(4);
    }
}
