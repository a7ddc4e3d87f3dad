package org.goldenthread.identity.agency;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The partnership's agencies and their nodes, one document per agency in {@code agencies}
 * ({@code _id} = agency id). The gateway reads it so an agency joins or is suspended without a
 * redeploy.
 */
@Component
public class AgencyRegistry {

    private final MongoCollection<Document> agencies;
    private final Clock clock;

    AgencyRegistry(MongoDatabase database, Clock clock) {
        this.agencies = database.getCollection("agencies");
        this.clock = clock;
    }

    /** Adds the agency, or replaces the registration with the same id; returns what is stored. */
    public Agency register(Agency agency) {
        Document doc = new Document("_id", agency.id())
                .append("name", agency.name())
                .append("grpcTarget", agency.grpcTarget())
                .append("restUrl", agency.restUrl())
                .append("certificateFingerprint", agency.certificateFingerprint())
                .append("categories", agency.categories())
                .append("status", agency.status().name())
                .append("sensitiveCategories", agency.sensitiveCategories())
                .append("involvementReveals", agency.involvementReveals())
                .append("updatedAt", Date.from(clock.instant()));
        agencies.replaceOne(Filters.eq("_id", agency.id()), doc, new ReplaceOptions().upsert(true));
        return agency;
    }

    /** Every registered agency, by id. */
    public List<Agency> all() {
        List<Agency> found = new ArrayList<>();
        for (Document doc : agencies.find().sort(Sorts.ascending("_id"))) {
            found.add(agency(doc));
        }
        return List.copyOf(found);
    }

    public Optional<Agency> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(agencies.find(Filters.eq("_id", id)).first()).map(AgencyRegistry::agency);
    }

    private static Agency agency(Document doc) {
        return new Agency(doc.getString("_id"), doc.getString("name"), doc.getString("grpcTarget"),
                doc.getString("restUrl"), doc.getString("certificateFingerprint"),
                doc.getList("categories", String.class, List.of()), AgencyStatus.valueOf(doc.getString("status")),
                doc.getList("sensitiveCategories", String.class, List.of()),
                doc.getList("involvementReveals", String.class, List.of()));
    }
}
