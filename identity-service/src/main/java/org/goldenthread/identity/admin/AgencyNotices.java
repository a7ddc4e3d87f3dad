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
import org.springframework.stereotype.Component;

/**
 * The notices queue for agency administrators, one document per notice in {@code agency_notices}
 * (append-only). The federation administrator cannot withhold a notice: it is written with the
 * change, by the same request.
 */
@Component
public class AgencyNotices {

    private final MongoCollection<Document> notices;
    private final Clock clock;

    AgencyNotices(MongoDatabase database, Clock clock) {
        this.notices = database.getCollection("agency_notices");
        this.notices.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.descending("at")));
        this.clock = clock;
    }

    public AgencyNotice post(String agency, String kind, String summary, List<FieldChange> changes, String reason,
            String auditId) {
        AgencyNotice notice = new AgencyNotice(UUID.randomUUID().toString(), clock.instant(), agency, kind, summary,
                changes, reason, auditId);
        notices.insertOne(new Document("_id", notice.id())
                .append("at", Date.from(notice.at()))
                .append("agency", agency)
                .append("kind", kind)
                .append("summary", summary)
                .append("changes", notice.changes().stream().map(FieldChange::toDocument).toList())
                .append("reason", reason)
                .append("auditId", auditId));
        return notice;
    }

    /** The newest notices first; for one agency, or all when {@code agency} is null. */
    public List<AgencyNotice> recent(String agency, int limit) {
        List<AgencyNotice> found = new ArrayList<>();
        var query = agency == null ? notices.find() : notices.find(Filters.eq("agency", agency));
        for (Document doc : query.sort(Sorts.descending("at")).limit(limit)) {
            found.add(new AgencyNotice(doc.getString("_id"), doc.getDate("at").toInstant(), doc.getString("agency"),
                    doc.getString("kind"), doc.getString("summary"),
                    doc.getList("changes", Document.class, List.of()).stream().map(FieldChange::of).toList(),
                    doc.getString("reason"), doc.getString("auditId")));
        }
        return found;
    }
}
