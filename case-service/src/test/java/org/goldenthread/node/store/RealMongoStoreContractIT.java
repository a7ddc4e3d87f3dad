package org.goldenthread.node.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The store contract on a real MongoDB replica set, where a Docker daemon can provide one; skipped
 * ("disabledWithoutDocker"), never failed, on machines without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoStoreContractIT extends StoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    MongoDatabase freshDatabase(String name) {
        return client.getDatabase(name);
    }
}
