package org.goldenthread.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() {
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(store.connectionString()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
            client.getDatabase("casework").getCollection("subjects")
                    .insertOne(new Document("_id", "S-1").append("familyName", "Quill").append("visits", 3));
        }
        assertThat(dir.resolve("store.mv")).exists();

        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document found = client.getDatabase("casework").getCollection("subjects")
                    .find(new Document("_id", "S-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("familyName")).isEqualTo("Quill");
            assertThat(found.getInteger("visits")).isEqualTo(3);
        }
    }

    @Test
    void uniqueIndexRefusesADuplicateAlsoAfterARestart() {
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("identity").getCollection("users");
            users.createIndex(Indexes.ascending("login"), new IndexOptions().unique(true));
            users.insertOne(new Document("login", "a.quill"));

            assertThatThrownBy(() -> users.insertOne(new Document("login", "a.quill")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            users.insertOne(new Document("login", "b.quill"));
            assertThat(users.countDocuments()).isEqualTo(2);
        }
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("identity").getCollection("users");
            assertThatThrownBy(() -> users.insertOne(new Document("login", "b.quill")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(users.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void createsItsDirectoryAndKeepsItsFileThere() {
        Path nested = dir.resolve("a/b/c");
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(nested)) {
            assertThat(Files.isDirectory(nested)).isTrue();
            assertThat(store.file()).isEqualTo(nested.resolve("store.mv"));
        }
    }

    @Test
    void twoStoresRunSideBySideOnDifferentPorts() {
        try (EmbeddedMongoStore a = new EmbeddedMongoStore(dir.resolve("a"));
             EmbeddedMongoStore b = new EmbeddedMongoStore(dir.resolve("b"))) {
            assertThat(a.connectionString()).isNotEqualTo(b.connectionString());
        }
    }

    @Test
    void closingCompactsTheFileAndKeepsEveryDocument(@TempDir Path plain, @TempDir Path compacted) throws Exception {
        long kept = churn(new EmbeddedMongoStore(plain, StoreProperties.DEFAULT_CACHE_MB, false));
        long small = churn(new EmbeddedMongoStore(compacted, StoreProperties.DEFAULT_CACHE_MB, true));
        long plainSize = Files.size(plain.resolve("store.mv"));
        long compactedSize = Files.size(compacted.resolve("store.mv"));
        System.out.printf("store after churn: %d bytes as left, %d bytes compacted on close%n", plainSize, compactedSize);

        assertThat(compactedSize).isLessThan(plainSize / 2);
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(compacted);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("casework").getCollection("events");
            assertThat(events.countDocuments()).isEqualTo(kept).isEqualTo(small);
            assertThat(events.find(new Document("_id", "E-1")).first().getInteger("revision")).isEqualTo(9);
        }
    }

    /** Writes, rewrites and deletes documents, as a busy node does, then closes; the documents left. */
    private static long churn(EmbeddedMongoStore opened) {
        try (EmbeddedMongoStore store = opened; MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("casework").getCollection("events");
            String summary = "x".repeat(1000);
            for (int revision = 0; revision < 10; revision++) {
                for (int i = 0; i < 500; i++) {
                    events.replaceOne(new Document("_id", "E-" + i),
                            new Document("_id", "E-" + i).append("summary", summary).append("revision", revision),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                }
            }
            events.deleteMany(new Document("_id", new Document("$gte", "E-5")));
            return events.countDocuments();
        }
    }

    @Test
    void anInterruptedCompactionIsCleanedUpOrFinishedAtTheNextOpen(@TempDir Path halfWritten, @TempDir Path renamedAway)
            throws Exception {
        long kept = churn(new EmbeddedMongoStore(halfWritten));
        // Killed while writing the compacted copy: the copy is incomplete, the original intact.
        Files.writeString(halfWritten.resolve("store.mv.tempFile"), "half a file");
        assertThat(documentsIn(halfWritten)).isEqualTo(kept);
        assertThat(halfWritten.resolve("store.mv.tempFile")).doesNotExist();

        churn(new EmbeddedMongoStore(renamedAway));
        // Killed between moving the original away and the finished copy into place.
        Files.move(renamedAway.resolve("store.mv"), renamedAway.resolve("store.mv.newFile"));
        assertThat(documentsIn(renamedAway)).isEqualTo(kept);
    }

    private static long documentsIn(Path dir) {
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            return client.getDatabase("casework").getCollection("events").countDocuments();
        }
    }

    @Test
    void keepsEveryBsonTypeTheServicesWriteExactlyAcrossARestart() {
        Document written = new Document("_id", "R-1").append("text", "Quill").append("int", 42).append("long", 1L << 40)
                .append("double", 2.5).append("yes", true).append("nothing", null)
                .append("at", new java.util.Date(1_767_225_600_123L)).append("oid", new org.bson.types.ObjectId())
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("money", org.bson.types.Decimal128.parse("10.10"))
                .append("nested", new Document("list", java.util.List.of(1, "two", new Document("three", 3L))));
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("casework").getCollection("records").insertOne(written);
        }
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("casework").getCollection("records").find().first()).isEqualTo(written);
        }
    }

    @Test
    void readsAndUpdatesAFileWrittenWithJavaSerialisedDocuments() {
        // As every store was written before documents were kept as BSON: mongo-java-server's own H2 backend.
        de.bwaldvogel.mongo.MongoServer old = new de.bwaldvogel.mongo.MongoServer(
                new de.bwaldvogel.mongo.backend.h2.H2Backend(org.h2.mvstore.MVStore.open(dir.resolve("store.mv").toString())));
        var address = old.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> users = client.getDatabase("identity").getCollection("users");
            users.createIndex(Indexes.ascending("login"), new IndexOptions().unique(true));
            users.insertOne(new Document("_id", "U-1").append("login", "a.quill").append("visits", 1));
            users.insertOne(new Document("_id", "U-2").append("login", "b.quill").append("visits", 2));
        } finally {
            old.shutdown();
        }

        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("identity").getCollection("users");
            assertThat(users.find(new Document("login", "a.quill")).first().getInteger("visits")).isEqualTo(1);
            users.updateOne(new Document("_id", "U-2"), new Document("$set", new Document("visits", 3)));
            users.insertOne(new Document("_id", "U-3").append("login", "c.quill").append("visits", 4));
            assertThatThrownBy(() -> users.insertOne(new Document("login", "a.quill"))).isInstanceOf(MongoWriteException.class);
        }
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("identity").getCollection("users");
            assertThat(users.find().sort(new Document("_id", 1)).map(d -> d.getString("login") + "=" + d.getInteger("visits"))
                    .into(new java.util.ArrayList<>())).containsExactly("a.quill=1", "b.quill=3", "c.quill=4");
        }
    }
}
