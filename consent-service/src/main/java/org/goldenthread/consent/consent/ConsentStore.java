package org.goldenthread.consent.consent;

import static org.goldenthread.consent.consent.ConsentDocuments.*;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.consent.common.KeyedIdIndex;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.springframework.stereotype.Component;

/**
 * Consent records in the service's own database, one document per record. A revision is a
 * single-document update that pushes the previous revision's full content onto the embedded
 * {@code history}, guarded by the expected revision number: atomic without transactions, and
 * nothing earlier is ever lost.
 */
@Component
public class ConsentStore {

    private final MongoCollection<Document> consents;
    private final KeyedIdIndex byToken;

    public ConsentStore(MongoDatabase database) {
        this.consents = database.getCollection("consents");
        this.byToken = new KeyedIdIndex(database, "consent_tokens");
        consents.createIndex(Indexes.ascending(REFERENCE_KEY), new IndexOptions().unique(true));
        backfillTokenIndex();
        backfillReviewSources();
    }

    /** Records from before the review queues: file each under the sources it names, once, at start. */
    private void backfillReviewSources() {
        consents.find(Filters.exists(REVIEW_SOURCES, false)).projection(Projections.include("provisions"))
                .forEach(doc -> consents.updateOne(Filters.eq(ID, doc.get(ID)), Updates.set(REVIEW_SOURCES,
                        ConsentDocuments.reviewSources(ConsentDocuments.toRecordProvisions(doc)))));
    }

    /**
     * The records in {@code agency}'s review queue — those naming it as a source, or all sources — newest
     * revision first. A scan on the embedded store (which ignores secondary indexes): a DPO's listing, never a
     * decision.
     */
    public Iterable<Listed> namingSource(String agency) {
        return consents.find(Filters.in(REVIEW_SOURCES, List.of(agency, EVERY_SOURCE)))
                .sort(com.mongodb.client.model.Sorts.descending(REVISED_AT))
                .map(doc -> new Listed(ConsentDocuments.toRecord(doc), doc.getDate(REVISED_AT).toInstant()));
    }

    /** A record as a listing shows it, with when its current revision was made (recorded, revised or withdrawn). */
    public record Listed(ConsentRecord record, Instant revisedAt) {
    }

    /** Stores written before the token index existed: file their records once, at start. */
    private void backfillTokenIndex() {
        if (byToken.isEmpty()) {
            consents.find().projection(Projections.include(TOKENS))
                    .forEach(doc -> byToken.add(doc.getList(TOKENS, String.class, List.of()), doc.getString(ID)));
        }
    }

    /** Stores a new record; empty when it was stored, else the id of the record already holding its reference. */
    public Optional<String> insert(ConsentRecord record, List<String> tokenKeys) {
        byToken.add(tokenKeys, record.id());
        try {
            consents.insertOne(toDocument(record, tokenKeys));
            return Optional.empty();
        } catch (MongoWriteException e) {
            byToken.remove(tokenKeys, record.id());
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            String key = referenceKey(record.recordedByAgency(), record.evidence().reference());
            Document existing = consents.find(Filters.eq(REFERENCE_KEY, key)).first();
            if (existing == null) {
                throw e;
            }
            return Optional.of(existing.getString(ID));
        }
    }

    /** When the record's current revision was made (recorded, revised or withdrawn), and by whom. */
    public Optional<Revised> currentRevision(String id) {
        return Optional.ofNullable(consents.find(Filters.eq(ID, id))
                        .projection(Projections.include(REVISED_AT, REVISED_BY)).first())
                .map(doc -> new Revised(doc.getDate(REVISED_AT).toInstant(), doc.getString(REVISED_BY)));
    }

    /** Who made a record's current revision, when. */
    public record Revised(Instant at, String by) {
    }

    public Optional<ConsentRecord> find(String id) {
        return Optional.ofNullable(consents.find(Filters.eq(ID, id)).first()).map(ConsentDocuments::toRecord);
    }

    /**
     * Every record (any status) sharing a token key with the subject, newest first, at most {@code limit}: for
     * listings (the FHIR search). Decisions never read through a bound like this one: they use
     * {@link #idsHolding} and {@link #load}, which drop nothing.
     */
    public List<ConsentRecord> findBySubject(Collection<String> tokenKeys, int limit) {
        return documents(byToken.ids(tokenKeys)).stream()
                .sorted(Comparator.comparing((Document d) -> d.getDate("recordedAt")).reversed()
                        .thenComparing(d -> d.getString(ID)))
                .limit(limit)
                .map(ConsentDocuments::toRecord)
                .toList();
    }

    /** Ids of every record (any status) filed under any of the token keys; may hold ids of records that are gone. */
    public Set<String> idsHolding(Collection<String> tokenKeys) {
        return byToken.ids(tokenKeys);
    }

    /** The records with these ids, each with the tokens it is filed under; ids without a record are skipped. */
    public List<FiledConsent> load(Collection<String> ids) {
        List<FiledConsent> found = new ArrayList<>();
        for (Document doc : documents(ids)) {
            List<LinkageToken> tokens = new ArrayList<>();
            for (String key : doc.getList(TOKENS, String.class, List.of())) {
                LinkageToken token = SubjectTokens.token(key);
                if (token != null) {
                    tokens.add(token);
                }
            }
            found.add(new FiledConsent(ConsentDocuments.toRecord(doc), tokens));
        }
        return found;
    }

    /** How many records filed under any of the token keys were recorded at or after {@code since}. */
    public int recordedSince(Collection<String> tokenKeys, Instant since) {
        Set<String> ids = byToken.ids(tokenKeys);
        if (ids.isEmpty()) {
            return 0;
        }
        Date from = date(since);
        int count = 0;
        // Only the time is read back: this runs for every consent recorded, never for a decision.
        for (Document doc : consents.find(Filters.in(ID, List.copyOf(ids))).projection(Projections.include("recordedAt"))) {
            Date at = doc.getDate("recordedAt");
            if (at != null && !at.before(from)) {
                count++;
            }
        }
        return count;
    }

    /** Ids whose record is missing (an insert that failed after its index entry) are simply not found. */
    private List<Document> documents(Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            consents.find(Filters.in(ID, List.copyOf(ids))).forEach(found::add);
        }
        return found;
    }

    /**
     * Records the withdrawal as revision {@code current.revision() + 1}. False when the record
     * changed meanwhile (another revision won) or is no longer active.
     */
    public boolean withdraw(String id, int currentRevision, ConsentRecord.Withdrawal withdrawal) {
        Document current = activeRevision(id, currentRevision);
        if (current == null) {
            return false;
        }
        long changed = consents.updateOne(
                Filters.and(Filters.eq(ID, id), Filters.eq(REVISION, currentRevision)),
                Updates.combine(
                        Updates.push(HISTORY, snapshot(current)),
                        Updates.set(REVISION, currentRevision + 1),
                        Updates.set(STATUS, ConsentStatus.WITHDRAWN.name()),
                        Updates.set(WITHDRAWAL, ConsentDocuments.withdrawal(withdrawal)),
                        Updates.set(REVISED_AT, date(withdrawal.at())),
                        Updates.set(REVISED_BY, withdrawal.by())))
                .getModifiedCount();
        return changed == 1;
    }

    /**
     * New terms (period, evidence, provisions) as revision {@code currentRevision + 1} of an active
     * record; false when another revision won or it is no longer active. A reference another record of
     * the agency already holds fails with the store's duplicate-key error.
     */
    public boolean revise(String id, int currentRevision, Revision revision) {
        Document current = activeRevision(id, currentRevision);
        if (current == null) {
            return false;
        }
        return consents.updateOne(
                Filters.and(Filters.eq(ID, id), Filters.eq(REVISION, currentRevision)),
                Updates.combine(
                        Updates.push(HISTORY, snapshot(current)),
                        Updates.set(REVISION, currentRevision + 1),
                        Updates.set("start", date(revision.start())),
                        Updates.set("end", revision.end() == null ? null : date(revision.end())),
                        Updates.set("evidence", ConsentDocuments.evidence(revision.evidence())),
                        Updates.set(REFERENCE_KEY, referenceKey(current.getString("recordedByAgency"),
                                revision.evidence().reference())),
                        Updates.set("provisions", revision.provisions().stream().map(ConsentDocuments::provision).toList()),
                        Updates.set(REVIEW_SOURCES, ConsentDocuments.reviewSources(revision.provisions())),
                        Updates.set(BACKDATING, ConsentDocuments.backdating(revision.backdating())),
                        Updates.set(REVISED_AT, date(revision.at())),
                        Updates.set(REVISED_BY, revision.by())))
                .getModifiedCount() == 1;
    }

    /** What a revision replaces, and who made it when. */
    public record Revision(Instant start, Instant end, Evidence evidence, List<Provision> provisions, String by,
            Instant at, ConsentRecord.Backdating backdating) {
    }

    /**
     * Read by {@code _id} alone (a primary-key lookup on every store) and checked here; the update
     * that follows keeps the revision in its filter, which is what makes it safe against a
     * concurrent revision. (The embedded store answers that guarded update by scanning, a cost paid
     * per revision, never per decision.)
     */
    private Document activeRevision(String id, int revision) {
        Document current = consents.find(Filters.eq(ID, id)).first();
        boolean expected = current != null && current.getInteger(REVISION) == revision
                && ConsentStatus.ACTIVE.name().equals(current.getString(STATUS));
        return expected ? current : null;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
