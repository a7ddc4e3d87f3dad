package org.goldenthread.node.referral;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.goldenthread.node.store.ReverseIndex;
import org.springframework.stereotype.Component;

/**
 * Referrals received, collection {@code referrals} keyed by the referrer's referral id (the
 * idempotency key), listed by status through the reverse index {@code referral_status}. Each
 * change of status is first claimed in {@code referral_transitions} under "id/status left": no
 * status is re-entered, so two racing answers cannot both win, and a change interrupted after its
 * claim is rolled forward by the next attempt. The claims are also the referral's history.
 */
@Component
public class ReferralStore {

    private final MongoCollection<Document> referrals;
    private final MongoCollection<Document> transitions;
    private final ReverseIndex byStatus;
    private final Clock clock = Clock.systemUTC();

    public ReferralStore(MongoDatabase database) {
        this.referrals = database.getCollection("referrals");
        this.transitions = database.getCollection("referral_transitions");
        this.byStatus = new ReverseIndex(database, "referral_status");
    }

    /** Stores a new referral as RECEIVED, or answers the one already stored under its id. */
    public Received receive(Referral referral) {
        Received received;
        try {
            referrals.insertOne(ReferralDocuments.toDocument(referral));
            received = new Received(referral, true);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            received = new Received(byId(referral.referralId()).orElseThrow(), false);
        }
        // Also after a repeat: repairs a posting lost to an interrupted first submission.
        byStatus.add(received.referral().status().name(), received.referral().referralId());
        return received;
    }

    public Optional<Referral> byId(String referralId) {
        return Optional.ofNullable(referrals.find(eq("_id", referralId)).first()).map(ReferralDocuments::fromDocument);
    }

    /** Referrals now in this status, most recently received first. */
    public List<Referral> withStatus(ReferralStatus status) {
        List<String> ids = List.copyOf(byStatus.ids(List.of(status.name())));
        List<Referral> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            referrals.find(in("_id", ids)).forEach(d -> found.add(ReferralDocuments.fromDocument(d)));
        }
        return found.stream().filter(r -> r.status() == status)
                .sorted(Comparator.comparing(Referral::receivedAt).reversed().thenComparing(Referral::referralId)).toList();
    }

    /**
     * Moves the referral to {@code next} for {@code party}; asking for the status it already has
     * changes nothing. Empty when no such referral.
     */
    public Optional<Referral> move(String referralId, ReferralStatus next, ReferralStatus.Party party, String reason,
            String caseId, String by) throws ReferralTransitionException {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Referral> found = byId(referralId);
            if (found.isEmpty()) {
                return found;
            }
            Referral current = found.get();
            if (current.status() == next) {
                return found;
            }
            if (!current.status().canMoveTo(next, party)) {
                throw new ReferralTransitionException(current.status());
            }
            Referral moved = current.moved(next, reason, caseId, clock.instant(), by);
            try {
                transitions.insertOne(new Document("_id", referralId + "/" + current.status().name())
                        .append("to", next.name()).append("party", party.name()).append("reason", reason)
                        .append("caseId", caseId).append("at", java.util.Date.from(moved.updatedAt())).append("by", by));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                rollForward(current);
                continue;
            }
            apply(current, moved);
            return Optional.of(moved);
        }
        throw new IllegalStateException("referral status kept changing under this update");
    }

    /** Completes a change whose claim was written but whose referral was not (yet) updated. */
    private void rollForward(Referral current) {
        Document claim = transitions.find(eq("_id", current.referralId() + "/" + current.status().name())).first();
        if (claim != null) {
            Instant at = claim.getDate("at").toInstant();
            apply(current, current.moved(ReferralStatus.valueOf(claim.getString("to")), claim.getString("reason"),
                    claim.getString("caseId"), at, claim.getString("by")));
        }
    }

    private void apply(Referral current, Referral moved) {
        referrals.replaceOne(eq("_id", moved.referralId()), ReferralDocuments.toDocument(moved));
        byStatus.move(moved.referralId(), List.of(current.status().name()), List.of(moved.status().name()));
    }
}
