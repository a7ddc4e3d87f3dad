package org.goldenthread.platform.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN when the service's database does not answer a ping. */
public class StoreHealthIndicator implements HealthIndicator {

    private final ObjectProvider<MongoDatabase> database;

    StoreHealthIndicator(ObjectProvider<MongoDatabase> database) {
        this.database = database;
    }

    @Override
    public Health health() {
        try {
            database.getObject().runCommand(new Document("ping", 1));
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
