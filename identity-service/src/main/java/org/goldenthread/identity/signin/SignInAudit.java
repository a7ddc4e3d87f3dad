package org.goldenthread.identity.signin;

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
 * Every sign-in, accepted or refused: one document in {@code sign_in_audit} (append-only; read by
 * administrators and DPOs, as the admin audit is) and one line on {@code org.goldenthread.identity.audit}
 * with the outcome, the agency and the entry's id — no usernames and no addresses on the log
 * (house rule), so a log pipeline never holds who tried to sign in from where.
 */
@Component
public class SignInAudit {

    private static final Logger log = LoggerFactory.getLogger("org.goldenthread.identity.audit");

    private final MongoCollection<Document> entries;
    private final Clock clock;

    SignInAudit(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection("sign_in_audit");
        this.entries.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.descending("at")));
        this.clock = clock;
    }

    public void record(SignInOutcome outcome, String account, String agency, String channel, String source) {
        String id = UUID.randomUUID().toString();
        entries.insertOne(new Document("_id", id)
                .append("at", Date.from(clock.instant()))
                .append("outcome", outcome.name())
                .append("account", account)
                .append("agency", agency)
                .append("channel", channel)
                .append("source", source));
        log.info("sign-in {} via {} for an account in {} [{}]", outcome, channel, agency == null ? "no agency" : agency, id);
    }

    /** The newest entries first; for one agency, or all (unknown accounts included) when {@code agency} is null. */
    public List<SignInEntry> recent(String agency, int limit) {
        List<SignInEntry> found = new ArrayList<>();
        var query = agency == null ? entries.find() : entries.find(Filters.eq("agency", agency));
        for (Document doc : query.sort(Sorts.descending("at")).limit(limit)) {
            found.add(new SignInEntry(doc.getString("_id"), doc.getDate("at").toInstant(),
                    SignInOutcome.valueOf(doc.getString("outcome")), doc.getString("account"), doc.getString("agency"),
                    doc.getString("channel"), doc.getString("source")));
        }
        return found;
    }
}
