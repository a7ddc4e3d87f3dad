package org.goldenthread.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.EmbeddedH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
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
    private final boolean compactOnClose;

    public EmbeddedMongoStore(Path directory) {
        this(directory, StoreProperties.DEFAULT_CACHE_MB, false);
    }

    /**
     * @param cacheMb the page cache (H2 MVStore's {@code cacheSize}) in MB
     * @param compactOnClose rewrite the file without its dead pages when closing
     */
    public EmbeddedMongoStore(Path directory, int cacheMb, boolean compactOnClose) {
        this.compactOnClose = compactOnClose;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + directory, e);
        }
        this.file = directory.resolve("store.mv");
        // A compaction interrupted between writing the new file and renaming it is completed (or undone) here.
        MVStoreTool.compactCleanUp(file.toString());
        // H2's backend with index keys compared by their cached serialized form (same order, same file).
        this.server = new MongoServer(new EmbeddedH2Backend(
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

    /**
     * Closes the store, which writes what is pending, and then, when enabled, rewrites the file with only
     * its live pages ({@link MVStoreTool#compact}: into a new file,
     * then an atomic rename; an interrupted rewrite is finished or undone at the next open). Every
     * update leaves its old page behind, so a busy store's file grows to several times its live data.
     * Measured: consent-service after its benchmark, 1.48 GB with 344 MB live, rewritten in 2.4 s. (H2's own
     * fill-rate estimates said 42-55 % live for that file, so they are no guide to whether it pays.)
     */
    @Override
    public void close() {
        server.shutdown();
        long before = size();
        if (compactOnClose) {
            long started = System.nanoTime();
            try {
                MVStoreTool.compact(file.toString(), false);
                log.info("embedded store compacted in {} ms: {} -> {} bytes",
                        (System.nanoTime() - started) / 1_000_000, before, size());
            } catch (RuntimeException e) {
                // The original file stays in place until the rewritten one replaces it atomically.
                log.warn("embedded store not compacted: {}", e.toString());
            }
        }
        log.info("embedded store closed ({}, {} bytes)", file, size());
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
