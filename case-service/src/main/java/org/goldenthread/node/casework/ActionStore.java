package org.goldenthread.node.casework;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
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
import org.bson.Document;
import org.goldenthread.node.ReferenceUpsert;
import org.goldenthread.node.Saved;
import org.springframework.stereotype.Component;

/** Plan actions, collection {@code actions}, keyed by (case, the agency's action reference). */
@Component
public class ActionStore {

    private final MongoCollection<Document> actions;
    private final Clock clock = Clock.systemUTC();

    public ActionStore(MongoDatabase database) {
        this.actions = database.getCollection("actions");
        actions.createIndex(Indexes.ascending("caseId", "ref"), new IndexOptions().unique(true));
    }

    public Saved save(String caseId, String ref, String description, String ownerAgency, LocalDate dueDate,
            ActionStatus status, String recordedBy) {
        return ReferenceUpsert.save(actions, and(eq("caseId", caseId), eq("ref", ref)), (id, stored) ->
                new Document("_id", id)
                        .append("ref", ref)
                        .append("caseId", caseId)
                        .append("description", description)
                        .append("ownerAgency", ownerAgency)
                        .append("dueDate", dueDate == null ? null : dueDate.toString())
                        .append("status", status.name())
                        .append("recordedAt", Date.from(clock.instant()))
                        .append("recordedBy", recordedBy));
    }

    /** The plan actions of these cases, in order of due date. */
    public List<CaseAction> of(Collection<String> caseIds) {
        List<CaseAction> found = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        actions.find(in("caseId", List.copyOf(caseIds))).forEach(d -> {
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
