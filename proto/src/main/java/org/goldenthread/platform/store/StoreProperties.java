package org.goldenthread.platform.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service keeps its data.
 *
 * @param uri a MongoDB connection string; empty means the embedded default store. Defaults to
 *     the {@code MONGODB_URI} environment variable.
 * @param database the database name, one per service or agency node
 * @param dataDir the directory of the embedded store's file ({@code <dataDir>/<database>/store.mv})
 */
@ConfigurationProperties("goldenthread.store")
public record StoreProperties(String uri, String database, Path dataDir) {

    public StoreProperties {
        uri = uri == null ? "" : uri.trim();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }

    public boolean embedded() {
        return uri.isEmpty();
    }
}
