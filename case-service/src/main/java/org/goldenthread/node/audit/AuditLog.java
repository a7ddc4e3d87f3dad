package org.goldenthread.node.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.node.store.ReverseIndex;
import org.springframework.stereotype.Component;

/**
 * The node's hash-chained audit log, collection {@code audit}: one entry per federation call,
 * released or refused. Appends are serialised in this process; the unique index on
 * {@code sequence} makes a second process sharing the database lose the race cleanly and retry
 * on top of the winner's entry (no multi-document transactions needed).
 */
@Component
public class AuditLog {

    private static final int APPEND_ATTEMPTS = 8;

    private final MongoCollection<Document> audit;
    private final ReverseIndex bySubject;
    private final Clock clock;
    /** The newest entry this process knows of (sequence, hash); null until first needed. */
    private Document head;

    public AuditLog(MongoDatabase database) {
        this.audit = database.getCollection("audit");
        this.bySubject = new ReverseIndex(database, "audit_subjects");
        this.clock = Clock.systemUTC();
        audit.createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true));
    }

    /**
     * Appends on top of the known head. Losing the unique-index race to another process means the
     * head moved: it is found again by look-ups on {@code sequence}, and the append retried.
     */
    public synchronized AuditEntry append(AuditEvent event) {
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            Document last = head();
            long sequence = last == null ? 1 : ((Number) last.get("sequence")).longValue() + 1;
            String prevHash = last == null ? AuditChain.GENESIS : last.getString("hash");
            // Mongo keeps milliseconds; the hashed instant must be the one that is read back.
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            AuditEntry entry = AuditEntry.of(sequence, at, event, prevHash);
            entry = entry.withHash(AuditChain.hash(prevHash, entry));
            try {
                audit.insertOne(AuditDocuments.toDocument(entry));
                head = new Document("sequence", sequence).append("hash", entry.hash());
                // One command for all of the entry's keys (a person, each identifying token).
                Map<String, List<String>> postings = new LinkedHashMap<>();
                AuditSubjects.filingKeys(entry).forEach(key -> postings.put(key, List.of(Long.toString(sequence))));
                bySubject.addAll(postings);
                return entry;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                head = null;
            }
        }
        throw new IllegalStateException("could not append to the audit log: sequence contention");
    }

    /**
     * The newest entry, found with O(log n) look-ups of {@code sequence} (unique index) by
     * galloping then bisecting, instead of a sort over the whole log: sequences have no gaps.
     */
    private Document head() {
        if (head != null) {
            return head;
        }
        if (at(1) == null) {
            return null;
        }
        long low = 1;
        long high = 2;
        while (at(high) != null) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (at(middle) != null) {
                low = middle;
            } else {
                high = middle;
            }
        }
        head = at(low);
        return head;
    }

    private Document at(long sequence) {
        return audit.find(eq("sequence", sequence)).first();
    }

    /** Every entry, in sequence order. */
    public List<AuditEntry> entries() {
        List<AuditEntry> all = new ArrayList<>();
        audit.find().sort(Sorts.ascending("sequence")).forEach(d -> all.add(AuditDocuments.fromDocument(d)));
        return all;
    }

    public long count() {
        return audit.countDocuments();
    }

    /**
     * Entries about one subject after a sequence, in order, at most {@code limit}: candidates come
     * from the reverse index {@code audit_subjects}, and each is kept only when it is about the
     * subject ({@link AuditSubjects}: the person it selected, its tokens, or an older entry's digest).
     */
    public List<AuditEntry> about(AccessLogSubject subject, long afterSequence, int limit) {
        Set<String> digests = AuditSubjects.digestsOf(subject);
        List<Long> sequences = bySubject.ids(AuditSubjects.lookupKeys(subject)).stream().map(Long::valueOf)
                .filter(s -> s > afterSequence).sorted().distinct().toList();
        List<AuditEntry> found = new ArrayList<>();
        // Fetched in slices, in order, so a popular token costs reads only until the page is full.
        int slice = Math.max(limit, 50);
        for (int from = 0; from < sequences.size() && found.size() < limit; from += slice) {
            List<AuditEntry> fetched = new ArrayList<>();
            audit.find(in("sequence", sequences.subList(from, Math.min(sequences.size(), from + slice))))
                    .forEach(d -> fetched.add(AuditDocuments.fromDocument(d)));
            fetched.sort(Comparator.comparingLong(AuditEntry::sequence));
            for (AuditEntry entry : fetched) {
                if (found.size() < limit && AuditSubjects.isAbout(entry, subject, digests)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    /**
     * Walks the whole chain and names the first entry whose link does not verify. Sequences have no
     * gaps, so a missing (deleted or renumbered) entry is named by the sequence that should be there.
     */
    public ChainVerification verify() {
        String expectedPrev = AuditChain.GENESIS;
        long expectedSequence = 1;
        long entries = 0;
        Long broken = null;
        for (Document doc : audit.find().sort(Sorts.ascending("sequence"))) {
            entries++;
            if (broken != null) {
                continue;
            }
            Object rawSequence = doc.get("sequence");
            long sequence = rawSequence instanceof Number n ? n.longValue() : -1;
            if (sequence != expectedSequence) {
                broken = expectedSequence;
                continue;
            }
            try {
                AuditEntry entry = AuditDocuments.fromDocument(doc);
                if (!entry.prevHash().equals(expectedPrev) || !entry.hash().equals(AuditChain.hash(entry.prevHash(), entry))) {
                    broken = sequence;
                }
                expectedPrev = entry.hash();
            } catch (RuntimeException unreadable) {
                // A document altered beyond the entry's shape is as broken as one with a wrong hash.
                broken = sequence;
            }
            expectedSequence++;
        }
        return new ChainVerification(broken == null, entries, broken);
    }
}
