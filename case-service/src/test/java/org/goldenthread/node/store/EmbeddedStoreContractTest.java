package org.goldenthread.node.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.goldenthread.platform.store.EmbeddedMongoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default store (mongo-java-server, H2 file), as a node runs it. */
class EmbeddedStoreContractTest extends StoreContract {

    @TempDir
    static Path data;
    static EmbeddedMongoStore store;
    static MongoClient client;

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

    @Override
    MongoDatabase freshDatabase(String name) {
        return client.getDatabase(name);
    }
}
