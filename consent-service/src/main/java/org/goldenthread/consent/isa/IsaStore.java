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
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.consent.common.KeyedIdIndex;
import org.springframework.stereotype.Component;

/**
 * Agreements, one document each, filed by source agency in {@code isas_by_source} (a primary-key
 * lookup, see {@link KeyedIdIndex}). A revision pushes the previous content onto {@code history}
 * in the same single-document update, guarded by the expected revision.
 */
@Component
public class IsaStore {

    private final MongoCollection<Document> isas;
    private final KeyedIdIndex bySource;

    public IsaStore(MongoDatabase database) {
        this.isas = database.getCollection("isas");
        this.bySource = new KeyedIdIndex(database, "isas_by_source");
    }

    public void insert(SharingAgreement isa) {
        bySource.add(List.of(isa.sourceAgency()), isa.id());
        isas.insertOne(toDocument(isa));
    }

    public Optional<SharingAgreement> find(String id) {
        return Optional.ofNullable(isas.find(Filters.eq(ID, id)).first()).map(IsaDocuments::toAgreement);
    }

    /** Every agreement (any status) whose source is one of {@code sources}. */
    public List<SharingAgreement> findBySources(Collection<String> sources) {
        Set<String> ids = bySource.ids(sources);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SharingAgreement> found = new ArrayList<>();
        isas.find(Filters.in(ID, List.copyOf(ids))).forEach(doc -> found.add(toAgreement(doc)));
        found.sort(Comparator.comparing(SharingAgreement::recordedAt).reversed().thenComparing(SharingAgreement::id));
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
        return isas.updateOne(expected, Updates.combine(
                Updates.push(HISTORY, snapshot(current)),
                Updates.set(REVISION, currentRevision + 1),
                Updates.set(REVISED_AT, Date.from(at)),
                Updates.set(REVISED_BY, by),
                change)).getModifiedCount() == 1;
    }
}
