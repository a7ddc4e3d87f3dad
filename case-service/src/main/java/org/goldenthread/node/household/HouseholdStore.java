package org.goldenthread.node.household;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.goldenthread.node.store.ReferenceUpsert;
import org.goldenthread.node.store.ReverseIndex;
import org.goldenthread.node.store.Saved;
import org.springframework.stereotype.Component;

/**
 * Households, collection {@code households} (unique {@code ref}), and the reverse index
 * {@code subject_households} (person id to household ids) that answers "which households is this
 * person in" by {@code _id} look-ups ({@link ReverseIndex}).
 */
@Component
public class HouseholdStore {

    private final MongoCollection<Document> households;
    private final ReverseIndex bySubject;
    private final Clock clock = Clock.systemUTC();

    public HouseholdStore(MongoDatabase database) {
        this.households = database.getCollection("households");
        this.bySubject = new ReverseIndex(database, "subject_households");
        households.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
    }

    /** Creates or replaces the household; its members are then re-filed under their persons. */
    public Saved save(String ref, List<HouseholdMember> members, String recordedBy) {
        List<String> before = new ArrayList<>();
        Saved saved = ReferenceUpsert.save(households, eq("ref", ref), (id, stored) -> {
            if (stored != null) {
                fromDocument(stored).members().forEach(m -> before.add(m.subjectId()));
            }
            return toDocument(new Household(id, ref, members, clock.instant(), recordedBy));
        });
        bySubject.move(saved.id(), before, members.stream().map(HouseholdMember::subjectId).distinct().toList());
        return saved;
    }

    public Optional<Household> byRef(String ref) {
        return Optional.ofNullable(households.find(eq("ref", ref)).first()).map(HouseholdStore::fromDocument);
    }

    /** The households that list this person (past or present), re-checked against each household. */
    public List<Household> of(String subjectId) {
        List<String> ids = List.copyOf(bySubject.ids(List.of(subjectId)));
        List<Household> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            households.find(in("_id", ids)).forEach(d -> {
                Household h = fromDocument(d);
                if (h.members().stream().anyMatch(m -> m.subjectId().equals(subjectId))) {
                    found.add(h);
                }
            });
        }
        found.sort(java.util.Comparator.comparing(Household::ref));
        return found;
    }

    private static Document toDocument(Household h) {
        return new Document("_id", h.id())
                .append("ref", h.ref())
                .append("members", h.members().stream().map(m -> new Document("subjectId", m.subjectId())
                        .append("relationship", m.relationship().name())
                        .append("from", m.from().toString())
                        .append("to", m.to() == null ? null : m.to().toString())).toList())
                .append("recordedAt", Date.from(h.recordedAt()))
                .append("recordedBy", h.recordedBy());
    }

    private static Household fromDocument(Document d) {
        List<HouseholdMember> members = d.getList("members", Document.class, List.of()).stream()
                .map(m -> new HouseholdMember(m.getString("subjectId"), Relationship.valueOf(m.getString("relationship")),
                        LocalDate.parse(m.getString("from")), m.getString("to") == null ? null : LocalDate.parse(m.getString("to"))))
                .toList();
        return new Household(d.getString("_id"), d.getString("ref"), members, d.getDate("recordedAt").toInstant(),
                d.getString("recordedBy"));
    }
}
