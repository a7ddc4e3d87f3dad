package org.goldenthread.consent.isa;

import static org.goldenthread.consent.isa.IsaDocuments.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Agreements, one document each. A revision pushes the previous content onto {@code history} in
 * the same single-document update, guarded by the expected revision. Decisions read them through
 * {@link AgreementSnapshots}, which every write here invalidates.
 */
@Component
public class IsaStore {

    private final MongoCollection<Document> isas;
    private final AgreementSnapshots snapshots;

    public IsaStore(MongoDatabase database) {
        this.isas = database.getCollection("isas");
        this.snapshots = new AgreementSnapshots(database, this::all);
    }

    public void insert(SharingAgreement isa) {
        try {
            isas.insertOne(toDocument(isa));
        } finally {
            snapshots.advance();
        }
    }

    public Optional<SharingAgreement> find(String id) {
        return Optional.ofNullable(isas.find(Filters.eq(ID, id)).first()).map(IsaDocuments::toAgreement);
    }

    /** Every agreement (any status) whose source is one of {@code sources}, newest first; as of the latest write. */
    public List<SharingAgreement> findBySources(Collection<String> sources) {
        return snapshots.bySources(sources);
    }

    /** A few dozen per locality (one per partnership arrangement): read whole when the snapshot reloads. */
    private List<SharingAgreement> all() {
        List<SharingAgreement> found = new ArrayList<>();
        isas.find().forEach(doc -> found.add(toAgreement(doc)));
        return found;
    }

    /** Agreements naming {@code agency} as source or recipient; the list is short (one per partnership arrangement). */
    public List<SharingAgreement> involving(String agency) {
        List<SharingAgreement> found = new ArrayList<>();
        isas.find(Filters.or(Filters.eq("sourceAgency", agency), Filters.eq("terms.recipients", agency)))
                .forEach(doc -> found.add(toAgreement(doc)));
        found.sort(Comparator.comparing(SharingAgreement::recordedAt).reversed().thenComparing(SharingAgreement::id));
        return found;
    }

    /** New terms as the next revision; false when another revision won or it is no longer active. */
    public boolean revise(String id, int currentRevision, AgreementTerms terms, String by, Instant at) {
        return nextRevision(id, currentRevision, by, at, Updates.set("terms", IsaDocuments.terms(terms)));
    }

    public boolean terminate(String id, int currentRevision, SharingAgreement.Termination termination) {
        return nextRevision(id, currentRevision, termination.by(), termination.at(),
                Updates.combine(Updates.set(STATUS, IsaStatus.TERMINATED.name()),
                        Updates.set("termination", IsaDocuments.termination(termination))));
    }

    private boolean nextRevision(String id, int currentRevision, String by, Instant at, Bson change) {
        Bson expected = Filters.and(Filters.eq(ID, id), Filters.eq(REVISION, currentRevision),
                Filters.eq(STATUS, IsaStatus.ACTIVE.name()));
        // Read by _id alone (primary key on every store); the guarded update below keeps the race safe.
        Document current = isas.find(Filters.eq(ID, id)).first();
        if (current == null || current.getInteger(REVISION) != currentRevision
                || !IsaStatus.ACTIVE.name().equals(current.getString(STATUS))) {
            return false;
        }
        try {
            return isas.updateOne(expected, Updates.combine(
                    Updates.push(HISTORY, snapshot(current)),
                    Updates.set(REVISION, currentRevision + 1),
                    Updates.set(REVISED_AT, Date.from(at)),
                    Updates.set(REVISED_BY, by),
                    change)).getModifiedCount() == 1;
        } finally {
            snapshots.advance();
        }
    }
}
