package org.goldenthread.node.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.EmbeddedH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.goldenthread.node.TestNode;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * The embedded store the benchmark's node runs on, at {@code <data>/node-police/store.mv} either
 * way. {@code production}: the node's own wiring (shared {@code EmbeddedMongoStore}, which now uses
 * {@link EmbeddedH2Backend} with MVStore defaults). {@code cachedkeys}: the same backend opened
 * by the benchmark (kept so runs recorded before it landed can be repeated). {@code proposed}:
 * that, and MVStore page compression ({@code MVStore.Builder.compress()}; the Java-serialized
 * documents shrink ~3.5×). Both are handed to the node as a store URI, so the effect of the
 * proposals can be measured before they land in the shared module.
 */
final class BenchmarkStore implements AutoCloseable {

    private final Path data;
    private final String mode;
    private MongoServer server;
    private TestNode node;

    BenchmarkStore(Path data, String mode) {
        if (!List.of("production", "cachedkeys", "proposed").contains(mode)) {
            throw new IllegalArgumentException("store must be production, cachedkeys or proposed, not " + mode);
        }
        this.data = data;
        this.mode = mode;
    }

    Path file() {
        return data.resolve("node-" + TestNode.AGENCY).resolve("store.mv");
    }

    /** Boots the node over the store (started first when tuned). */
    TestNode open() {
        if (mode.equals("production")) {
            node = new TestNode(data);
            return node;
        }
        try {
            Files.createDirectories(file().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore.Builder builder = new MVStore.Builder().fileName(file().toString());
        MVStore store = (mode.equals("proposed") ? builder.compress() : builder).open();
        server = new MongoServer(new EmbeddedH2Backend(store));
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        node = new TestNode(data, "--goldenthread.store.uri=mongodb://127.0.0.1:" + address.getPort());
        return node;
    }

    /** Closes the node, then the store (which writes what is pending). */
    @Override
    public void close() throws Exception {
        if (node != null) {
            node.close();
            node = null;
        }
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    /** Rewrites the closed store's file with only its live pages (what a compaction at close would leave). */
    void compactOffline(boolean compress) {
        MVStoreTool.compact(file().toString(), compress);
    }

    long bytesOnDisk() throws IOException {
        if (!Files.exists(data)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
