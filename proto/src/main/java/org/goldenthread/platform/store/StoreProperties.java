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
 * @param cacheMb the embedded store's page cache in MB (H2 MVStore's {@code cacheSize}; its own default is
 *     16). Pages outside it are read from the file and their documents deserialised again on every
 *     read, so a store whose hot documents do not fit pays for it on every look-up.
 * @param compactOnClose rewrite the embedded store's file without its dead pages at shutdown (default true).
 *     Takes about 1 s per 140 MB of live data on the build machine: turn it off for a store too large to
 *     rewrite within the shutdown grace period.
 */
@ConfigurationProperties("goldenthread.store")
public record StoreProperties(String uri, String database, Path dataDir, Integer cacheMb, Boolean compactOnClose) {

    /** MVStore's own default page cache. */
    public static final int DEFAULT_CACHE_MB = 16;

    public StoreProperties {
        uri = uri == null ? "" : uri.trim();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        cacheMb = cacheMb == null ? DEFAULT_CACHE_MB : cacheMb;
        compactOnClose = compactOnClose == null || compactOnClose;
        if (cacheMb < 1) {
            throw new IllegalArgumentException("goldenthread.store.cache-mb must be at least 1, not " + cacheMb);
        }
    }

    public boolean embedded() {
        return uri.isEmpty();
    }
}
