package org.goldenthread.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.CachedKeyH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store (ARCHITECTURE.md §8): an in-process MongoDB-wire-compatible server
 * (mongo-java-server, H2 MVStore backend) on a loopback port chosen at run time, persisting to a
 * file so data survives a restart. The application talks to it with the ordinary MongoDB driver,
 * exactly as it would to a real replica set.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    public EmbeddedMongoStore(Path directory) {
        this(directory, StoreProperties.DEFAULT_CACHE_MB);
    }

    /** @param cacheMb the page cache (H2 MVStore's {@code cacheSize}) in MB */
    public EmbeddedMongoStore(Path directory, int cacheMb) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + directory, e);
        }
        this.file = directory.resolve("store.mv");
        // H2's backend with index keys compared by their cached serialized form (same order, same file).
        this.server = new MongoServer(new CachedKeyH2Backend(
                new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open()));
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        log.info("embedded store started on {} with file {} ({} MB page cache)", address, file, cacheMb);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        // shutdown() closes the H2 MVStore, which writes pending changes to the file.
        server.shutdown();
        log.info("embedded store closed ({})", file);
    }
}
