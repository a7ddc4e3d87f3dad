package org.goldenthread.consent.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.consent.consent.ConsentAction;
import org.goldenthread.consent.consent.ConsentPermissions;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.ConsentStore;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.decision.Acknowledged;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.consent.decision.SensitiveCategories;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.DataCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The consent review queue of each source agency (issue 14). Not materialised: a query over the current revision
 * of every record naming the agency as a source (explicit "all sources" names every agency, those joining later
 * included — a materialised item per agency could not reach an agency that does not exist yet) joined with the
 * acknowledgements, plus the withdrawal notices. An item is pending until the agency acknowledges it; the first
 * acknowledgement stands. Only the current revision can be acknowledged: a revision replaced meanwhile needs no
 * answer, and its acknowledgement would not carry over.
 */
@Service
public class ConsentReviews {

    static final String RELIED_ON = "relied-on";
    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final ConsentStore consents;
    private final AcknowledgementStore acknowledgements;
    private final WithdrawalNotices notices;
    private final ConsentPermissions permissions;
    private final SensitiveCategories sensitive;
    private final Clock clock;

    public ConsentReviews(ConsentStore consents, AcknowledgementStore acknowledgements, WithdrawalNotices notices,
            ConsentPermissions permissions, SensitiveCategories sensitive, Clock clock) {
        this.consents = consents;
        this.acknowledgements = acknowledgements;
        this.notices = notices;
        this.permissions = permissions;
        this.sensitive = sensitive;
        this.clock = clock;
    }

    /** The caller's own agency's queue, newest first, at most {@code limit}; 403 for a role that may not. */
    public List<ConsentReviewItem> queue(Requester caller, boolean pendingOnly, int limit) {
        requireRole(caller);
        String agency = caller.agency();
        List<ConsentReviewItem> items = new ArrayList<>();
        Map<String, AcknowledgementStore.Acknowledgement> acknowledged = acknowledgements.by(agency);
        for (ConsentStore.Listed listed : consents.namingSource(agency)) {
            ConsentReviewItem item = item(listed.record(), listed.revisedAt(), agency, acknowledged);
            if (!pendingOnly || item.pending()) {
                items.add(item);
            }
            if (items.size() >= limit) {
                break;
            }
        }
        notices.of(agency, pendingOnly).forEach(n -> items.add(item(n)));
        return items.stream().sorted(Comparator.comparing(ConsentReviewItem::at).reversed()).limit(limit).toList();
    }

    /**
     * Acknowledges the item for the caller's own agency. 404 {@code consent-review-not-found} for an item not in
     * its queue (the record does not name the agency as a source, or there is no such record), 409 {@code
     * consent-revised} when the revision is no longer the current one, 409 {@code already-acknowledged} when the
     * agency acknowledged it before (the first acknowledgement stands), 403 {@code own-revision} when the caller
     * made the revision.
     */
    public ConsentReviewItem acknowledge(String itemId, Requester caller, String note) {
        requireRole(caller);
        String agency = caller.agency();
        int dot = itemId.lastIndexOf('.');
        String consentId = dot < 1 ? "" : itemId.substring(0, dot);
        String what = dot < 1 ? "" : itemId.substring(dot + 1);
        Instant now = clock.instant();
        if (RELIED_ON.equals(what)) {
            notices.find(consentId, agency).orElseThrow(ConsentReviews::notFound);
            if (!notices.acknowledge(consentId, agency, caller.user(), note, now)) {
                throw already();
            }
            audit(consentId, agency, RELIED_ON);
            return item(notices.find(consentId, agency).orElseThrow());
        }
        int revision = revision(what);
        ConsentRecord record = consents.find(consentId).filter(r -> r.namesSource(agency))
                .orElseThrow(ConsentReviews::notFound);
        ConsentStore.Revised current = consents.currentRevision(consentId).orElseThrow(ConsentReviews::notFound);
        if (revision != record.revision()) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "consent-revised", "this consent was revised "
                    + "or withdrawn since: acknowledge its current revision, " + record.id() + ".r" + record.revision());
        }
        if (current.by().equals(caller.user())) {
            // A second person: whoever made the revision (a key-worker who is also a DPO) cannot review it.
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "own-revision",
                    "you made this revision of the consent: another of your agency's reviewers must acknowledge it");
        }
        if (!acknowledgements.acknowledge(record, agency, caller.user(), note, now)) {
            throw already();
        }
        audit(consentId, agency, "r" + revision);
        String key = Acknowledged.key(record.id(), record.revision(), agency);
        return item(record, current.at(), agency, acknowledgements.of(List.of(key)));
    }

    /** Whether a permit of the record releases {@code agency}'s data only once acknowledged. */
    boolean acknowledgementNeeded(ConsentRecord record, String agency) {
        Set<DataCategory> held = sensitive.of(agency);
        return record.status() == ConsentStatus.ACTIVE && record.provisions().stream()
                .filter(p -> p.type() == ProvisionType.PERMIT && p.sources().covers(agency))
                .anyMatch(p -> p.usesExplicitAll() || p.categories().values().stream().anyMatch(held::contains));
    }

    /** @param acknowledged the agency's acknowledgements, by key (those of other revisions are simply not asked) */
    private ConsentReviewItem item(ConsentRecord record, Instant at, String agency,
            Map<String, AcknowledgementStore.Acknowledgement> acknowledged) {
        AcknowledgementStore.Acknowledgement ack = acknowledged.get(Acknowledged.key(record.id(), record.revision(),
                agency));
        String kind = record.status() == ConsentStatus.WITHDRAWN ? "WITHDRAWN"
                : record.revision() > 1 ? "REVISED" : "RECORDED";
        return new ConsentReviewItem(record.id() + ".r" + record.revision(), kind, record.id(), record.revision(),
                record.recordedByAgency(), record.subjectDigest(), at, acknowledgementNeeded(record, agency),
                ack == null ? "PENDING" : "ACKNOWLEDGED", ack == null ? null : ack.by(), ack == null ? null : ack.at(),
                ack == null ? null : ack.note(), List.of(), 0);
    }

    private static ConsentReviewItem item(WithdrawalNotices.Notice n) {
        return new ConsentReviewItem(n.consentId() + "." + RELIED_ON, "RELIED_ON", n.consentId(), n.revision(),
                n.recordedByAgency(), n.subjectDigest(), n.at(), false,
                n.acknowledgedAt() == null ? "PENDING" : "ACKNOWLEDGED", n.acknowledgedBy(), n.acknowledgedAt(),
                n.note(), n.decisionIds(), n.decisionCount());
    }

    private void requireRole(Requester caller) {
        if (!permissions.allows(ConsentAction.ACKNOWLEDGE, caller)) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "forbidden",
                    "only your agency's data-protection officer reviews consent records");
        }
    }

    private static int revision(String what) {
        if (what.length() < 2 || what.charAt(0) != 'r' || what.length() > 10
                || !what.substring(1).chars().allMatch(Character::isDigit)) {
            throw notFound();
        }
        return Integer.parseInt(what.substring(1));
    }

    private static void audit(String consentId, String agency, String what) {
        AUDIT.atInfo().addKeyValue("audit.event", "consent-acknowledged").addKeyValue("consent.id", consentId)
                .addKeyValue("acknowledgement.agency", agency).addKeyValue("acknowledgement.item", what)
                .log("consent {} ({}) acknowledged for {}", consentId, what, agency);
    }

    private static RequestRejectedException notFound() {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, "consent-review-not-found",
                "no such item in your agency's consent review queue");
    }

    private static RequestRejectedException already() {
        return new RequestRejectedException(HttpStatus.CONFLICT, "already-acknowledged",
                "your agency has already acknowledged this; the first acknowledgement stands");
    }
}
