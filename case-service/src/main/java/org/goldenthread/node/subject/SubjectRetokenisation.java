package org.goldenthread.node.subject;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.goldenthread.federation.linkage.NameNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps stored tokens matching after a change of name normalisation (issue 13: Łukasz was stored as
 * {@code UKASZ}, a Cyrillic name with no name token at all). At start, before the REST and
 * federation ports open (the lowest lifecycle phase, run synchronously), every person whose tokens
 * were computed with an older {@link NameNormaliser#VERSION} gets them recomputed from the stored
 * details, in batches, and the reverse index moved. A marker in {@code node_migrations} records a
 * finished pass so later starts skip the scan; a pass cut short is simply run again (each person is
 * re-tokenised at most once: its version is raised with its tokens). Logged with counts only.
 *
 * <p>Several processes on one database (replicas on MongoDB): a replica still running the older
 * version after the marker is written would store version-1 tokens again; upgrade them all
 * together, or delete the marker to have the next start look again.
 */
@Component
class SubjectRetokenisation implements SmartLifecycle {

    static final String MARKER = "subject-tokens";
    private static final Logger log = LoggerFactory.getLogger(SubjectRetokenisation.class);
    private static final int BATCH = 500;

    private final SubjectStore subjects;
    private final MongoCollection<Document> migrations;
    private volatile boolean running;

    SubjectRetokenisation(SubjectStore subjects, MongoDatabase database) {
        this.subjects = subjects;
        this.migrations = database.getCollection("node_migrations");
    }

    /** Runs the pass unless a finished one for this version is recorded; returns persons whose tokens changed. */
    int run() {
        Document marker = migrations.find(eq("_id", MARKER)).first();
        if (marker != null && marker.getInteger("version", 0) >= NameNormaliser.VERSION) {
            return 0;
        }
        List<String> older = subjects.withOlderTokens();
        int changed = 0;
        for (int from = 0; from < older.size(); from += BATCH) {
            changed += subjects.retokenise(older.subList(from, Math.min(older.size(), from + BATCH)));
            if (from > 0 && from % (BATCH * 20) == 0) {
                log.info("re-tokenising persons: {} of {} done", from, older.size());
            }
        }
        migrations.replaceOne(eq("_id", MARKER), new Document("_id", MARKER).append("version", NameNormaliser.VERSION)
                .append("persons", older.size()).append("changed", changed).append("at", Date.from(Instant.now())),
                new ReplaceOptions().upsert(true));
        if (!older.isEmpty()) {
            // Counts and the version only: never a person, a name or a token.
            log.info("re-tokenised {} persons stored before name normalisation version {}: tokens changed for {}",
                    older.size(), NameNormaliser.VERSION, changed);
        }
        return changed;
    }

    @Override
    public void start() {
        run();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before everything else that starts, the web server and the gRPC server included. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
