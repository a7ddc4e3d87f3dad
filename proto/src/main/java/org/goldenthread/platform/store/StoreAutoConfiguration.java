package org.goldenthread.platform.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service's database, through the MongoDB Java Driver: the cluster named by
 * {@code goldenthread.store.uri} (or {@code MONGODB_URI}), else the embedded default store.
 * Writes use majority write concern, as the production replica set requires. Services that keep
 * no data (the gateway) name no {@code goldenthread.store.database} and get no store.
 */
@AutoConfiguration
@EnableConfigurationProperties(StoreProperties.class)
@ConditionalOnProperty("goldenthread.store.database")
public class StoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedStoreHolder embeddedStoreHolder(StoreProperties properties, Environment environment) {
        String uri = effectiveUri(properties, environment);
        if (!uri.isEmpty()) {
            return new EmbeddedStoreHolder(null, uri);
        }
        requireDatabase(properties);
        EmbeddedMongoStore store = new EmbeddedMongoStore(properties.dataDir().resolve(properties.database()),
                properties.cacheMb(), properties.compactOnClose());
        return new EmbeddedStoreHolder(store, store.connectionString());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoClient mongoClient(EmbeddedStoreHolder holder) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(holder.connectionString()))
                .writeConcern(holder.embedded() ? WriteConcern.ACKNOWLEDGED : WriteConcern.MAJORITY)
                .readConcern(holder.embedded() ? ReadConcern.DEFAULT : ReadConcern.MAJORITY)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, StoreProperties properties) {
        requireDatabase(properties);
        return client.getDatabase(properties.database());
    }

    @Bean
    @ConditionalOnMissingBean(name = "storeHealthIndicator")
    StoreHealthIndicator storeHealthIndicator(ObjectProvider<MongoDatabase> database) {
        return new StoreHealthIndicator(database);
    }

    private static String effectiveUri(StoreProperties properties, Environment environment) {
        return properties.embedded() ? environment.getProperty("MONGODB_URI", "").trim() : properties.uri();
    }

    private static void requireDatabase(StoreProperties properties) {
        if (properties.database() == null || properties.database().isBlank()) {
            throw new IllegalStateException("goldenthread.store.database must name this service's database");
        }
    }

    /** The embedded store when one was started (closed after the client), and the URI to use. */
    public record EmbeddedStoreHolder(EmbeddedMongoStore store, String connectionString) implements AutoCloseable {

        public boolean embedded() {
            return store != null;
        }

        @Override
        public void close() {
            if (store != null) {
                store.close();
            }
        }
    }
}
