package org.goldenthread.identity.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The record of every administrative action, done or refused: one document per action in
 * {@code admin_audit} (append-only: this class never updates or deletes; it names the acting and the
 * target account) and one log line on {@code org.goldenthread.identity.audit} with the entry's id,
 * the action and the agencies only.
 */
@Component
public class AdminAudit {

    private static final Logger log = LoggerFactory.getLogger("org.goldenthread.identity.audit");

    private final MongoCollection<Document> entries;
    private final Clock clock;

    AdminAudit(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection("admin_audit");
        this.entries.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.descending("at")));
        this.clock = clock;
    }

    public void done(Actor actor, String action, String target, String agency) {
        record(actor, action, target, agency, "DONE", List.of(), null);
    }

    public void refused(Actor actor, String action, String target, String agency) {
        record(actor, action, target, agency, "REFUSED", List.of(), null);
    }

    /** Records an action with the fields it changed (old and new values) and the reason given; returns the entry id. */
    public String done(Actor actor, String action, String target, String agency, List<FieldChange> changes,
            String reason) {
        return record(actor, action, target, agency, "DONE", changes, reason);
    }

    /** Records a refused action with the fields it would have changed. */
    public void refused(Actor actor, String action, String target, String agency, List<FieldChange> changes,
            String reason) {
        record(actor, action, target, agency, "REFUSED", changes, reason);
    }

    /** The newest entries first; for one agency, or all when {@code agency} is null. */
    public List<AuditEntry> recent(String agency, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        var query = agency == null ? entries.find() : entries.find(Filters.eq("agency", agency));
        for (Document doc : query.sort(Sorts.descending("at")).limit(limit)) {
            found.add(new AuditEntry(doc.getString("_id"), doc.getDate("at").toInstant(), doc.getString("actor"),
                    doc.getString("actorAgency"), doc.getString("action"), doc.getString("target"),
                    doc.getString("agency"), doc.getString("outcome"),
                    doc.getList("changes", Document.class, List.of()).stream().map(FieldChange::of).toList(),
                    doc.getString("reason")));
        }
        return found;
    }

    private String record(Actor actor, String action, String target, String agency, String outcome,
            List<FieldChange> changes, String reason) {
        String id = UUID.randomUUID().toString();
        entries.insertOne(new Document("_id", id)
                .append("at", Date.from(clock.instant()))
                .append("actor", actor.username())
                .append("actorAgency", actor.agency())
                .append("action", action)
                .append("target", target)
                .append("agency", agency)
                .append("outcome", outcome)
                .append("changes", changes.stream().map(FieldChange::toDocument).toList())
                .append("reason", reason));
        // Ids only on the log (no usernames, house rule): who did it to whom is in the entry, which only admins read.
        log.info("admin action {} {} by {} admin in {} [{}]", action, outcome, actor.agency(), agency, id);
        return id;
    }
}
