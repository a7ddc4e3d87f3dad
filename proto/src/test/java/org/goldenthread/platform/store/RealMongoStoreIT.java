package org.goldenthread.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same store wiring against a real MongoDB replica set, where a Docker daemon can provide
 * one. Without Docker the class is skipped ("disabledWithoutDocker"), never failed: the embedded
 * store tests cover the machines that have none.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoStoreIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreAutoConfiguration.class))
            .withPropertyValues("goldenthread.store.uri=" + MONGO.getReplicaSetUrl(), "goldenthread.store.database=it");

    @Test
    void writesWithMajorityConcernToTheConfiguredCluster() {
        service.run(context -> {
            assertThat(context.getBean(StoreAutoConfiguration.EmbeddedStoreHolder.class).embedded()).isFalse();
            MongoDatabase database = context.getBean(MongoDatabase.class);
            assertThat(context.getBean(MongoClient.class).getDatabase("it").getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
            database.getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
            assertThat(database.getCollection("things").find(new Document("_id", "a")).first()).containsEntry("n", 1);
        });
    }

    @Test
    void enforcesUniqueIndexes() {
        service.run(context -> {
            var things = context.getBean(MongoDatabase.class).getCollection("unique_things");
            things.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
            things.insertOne(new Document("ref", "R-1"));
            assertThatThrownBy(() -> things.insertOne(new Document("ref", "R-1"))).isInstanceOf(MongoWriteException.class);
        });
    }
}
