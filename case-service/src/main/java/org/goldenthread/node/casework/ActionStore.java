package org.goldenthread.node.casework;

import static com.mongodb.client.model.Filters.in;
import static org.goldenthread.node.casework.CaseStore.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.node.store.ReferenceUpsert;
import org.goldenthread.node.store.ReverseIndex;
import org.goldenthread.node.store.Saved;
import org.springframework.stereotype.Component;

/**
 * Plan actions, collection {@code actions}, keyed by (case, the agency's action reference); a
 * case's actions are found through the reverse index {@code case_actions}.
 */
@Component
public class ActionStore {

    private final MongoCollection<Document> actions;
    private final ReverseIndex byCase;
    private final Clock clock = Clock.systemUTC();

    public ActionStore(MongoDatabase database) {
        this.actions = database.getCollection("actions");
        this.byCase = new ReverseIndex(database, "case_actions");
        actions.createIndex(Indexes.ascending("caseId", "ref"), new IndexOptions().unique(true));
    }

    public Saved save(String caseId, String ref, String description, String ownerAgency, LocalDate dueDate,
            ActionStatus status, String recordedBy) {
        // Exactly the unique index's keys, so the embedded store looks the reference up in the index.
        Saved saved = ReferenceUpsert.save(actions, new Document("caseId", caseId).append("ref", ref), (id, stored) ->
                new Document("_id", id)
                        .append("ref", ref)
                        .append("caseId", caseId)
                        .append("description", description)
                        .append("ownerAgency", ownerAgency)
                        .append("dueDate", dueDate == null ? null : dueDate.toString())
                        .append("status", status.name())
                        .append("recordedAt", Date.from(clock.instant()))
                        .append("recordedBy", recordedBy));
        byCase.add(caseId, saved.id());
        return saved;
    }

    /** The plan actions of these cases, in order of due date. */
    public List<CaseAction> of(Collection<String> caseIds) {
        List<CaseAction> found = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        Set<String> cases = Set.copyOf(caseIds);
        actions.find(in("_id", List.copyOf(byCase.ids(caseIds)))).forEach(d -> {
            if (!cases.contains(d.getString("caseId"))) {
                return;
            }
            String due = d.getString("dueDate");
            found.add(new CaseAction(d.getString("_id"), d.getString("ref"), d.getString("caseId"),
                    d.getString("description"), d.getString("ownerAgency"), due == null ? null : LocalDate.parse(due),
                    ActionStatus.valueOf(d.getString("status")), instant(d.getDate("recordedAt")),
                    d.getString("recordedBy")));
        });
        found.sort(java.util.Comparator.comparing(CaseAction::dueDate,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(CaseAction::id));
        return found;
    }
}
