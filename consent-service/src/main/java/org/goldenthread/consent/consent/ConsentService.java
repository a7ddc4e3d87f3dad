package org.goldenthread.consent.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.consent.burst.BurstAlert;
import org.goldenthread.consent.burst.BurstAlerts;
import org.goldenthread.consent.burst.BurstProperties;
import org.goldenthread.consent.common.IdentifierProblems;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.consent.review.WithdrawalNotices;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * Recording, revising, withdrawing and reading consent (ARCHITECTURE.md §3): append-only, keyed by linkage
 * tokens, every action checked against {@link ConsentPermissions}. A record of another agency that the caller
 * may not act on is answered as absent (404 {@code consent-not-found}): its existence says the person is known.
 */
@Service
public class ConsentService {

    private static final org.slf4j.Logger AUDIT = org.slf4j.LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final ConsentStore store;
    private final BurstAlerts bursts;
    private final ConsentPermissions permissions;
    private final BackdatingProperties backdating;
    private final CrossAgencyReads reads;
    private final WithdrawalNotices notices;
    private final Clock clock;

    public ConsentService(ConsentStore store, BurstAlerts bursts, ConsentPermissions permissions,
            BackdatingProperties backdating, CrossAgencyReads reads, WithdrawalNotices notices, Clock clock) {
        this.store = store;
        this.bursts = bursts;
        this.permissions = permissions;
        this.backdating = backdating;
        this.reads = reads;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Records revision 1 of a new consent. Throws {@link RequestRejectedException}: 400
     * {@code conflicting-identifiers} when its tokens are more than one person's; 429 {@code consent-burst}
     * (nothing stored, the recording agency's DPO alerted) when as many records about the subject as
     * {@code goldenthread.consent.burst.max-per-subject} were recorded within the window; 409
     * {@code duplicate-consent} (property {@code consentId}) when the agency already recorded this evidence
     * reference, so seeding can be repeated safely. Also 403 {@code forbidden} for a caller who does not take
     * consent, and the backdating refusals of {@link #backdatingOf}.
     */
    public ConsentRecord record(NewConsent consent, Requester caller) {
        requireRole(ConsentAction.RECORD, caller);
        List<LinkageToken> matchable = SubjectTokens.matchable(consent.tokens());
        IdentifierProblems.requireOnePerson(matchable, "tokens");
        List<String> keys = SubjectTokens.keys(matchable);
        if (keys.isEmpty()) {
            throw RequestRejectedException.invalid("subject",
                    "needs an NHS number, a National Insurance number, or family name, given name and date of birth");
        }
        Instant now = clock.instant();
        ConsentRecord.Backdating backdated = backdatingOf(consent, now);
        String digest = SubjectDigest.of(matchable);
        refuseBurst(keys, digest, consent, now);
        ConsentRecord record = new ConsentRecord(UUID.randomUUID().toString(), 1, ConsentStatus.ACTIVE,
                digest, consent.start(), consent.end(),
                consent.evidence(), consent.provisions(), caller.user(), caller.agency(), now,
                null, List.of(), backdated);
        store.insert(record, keys).ifPresent(existing -> {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "duplicate-consent",
                    "this agency already recorded consent with this evidence reference");
            problem.setProperty("consentId", existing);
            throw new RequestRejectedException(problem);
        });
        return record;
    }

    /**
     * Many records about one subject in a short time is how a deny would be buried: refused, and reported to the
     * recording agency's DPO. Counted across agencies (a deny is buried whoever floods), alerted to the agency
     * recording. Two recordings at the same instant may both pass: a bound on floods, not an exact count.
     */
    private void refuseBurst(List<String> keys, String digest, NewConsent consent, Instant now) {
        BurstProperties limits = bursts.limits();
        int recent = store.recordedSince(keys, now.minus(limits.window()));
        if (recent < limits.maxPerSubject()) {
            return;
        }
        BurstAlert alert = bursts.raise(consent.recordedByAgency(), consent.recordedBy(), digest, recent, now);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "consent-burst",
                recent + " consent records about this subject were recorded within " + limits.window()
                        + " (at most " + limits.maxPerSubject() + "): this one was not recorded, and your agency's "
                        + "data-protection officer has been alerted");
        problem.setProperty("alertId", alert.id());
        problem.setProperty("limit", limits.maxPerSubject());
        problem.setProperty("window", limits.window().toString());
        throw new RequestRejectedException(problem);
    }

    /**
     * A period may start at most {@code goldenthread.consent.max-backdating} before it is recorded. Further back
     * it needs the day the family consented (not in the future; the period may not start before it) and a
     * written reason: 422 {@code consent-backdated} without them, 400 naming the field when they are wrong. Both
     * are kept with the revision whenever given.
     */
    ConsentRecord.Backdating backdatingOf(NewConsent consent, Instant now) {
        LocalDate consentedOn = consent.consentedOn();
        String reason = consent.backdatingReason() == null || consent.backdatingReason().isBlank() ? null
                : consent.backdatingReason().strip();
        if (consentedOn != null && consentedOn.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw RequestRejectedException.invalid("period.consentedOn", "may not be in the future");
        }
        if (consentedOn != null && consent.start().isBefore(consentedOn.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw RequestRejectedException.invalid("period.start",
                    "may not be before period.consentedOn, the day the family consented");
        }
        if (reason != null && reason.length() < BackdatingProperties.MIN_REASON) {
            throw RequestRejectedException.invalid("period.backdatingReason",
                    "needs at least " + BackdatingProperties.MIN_REASON + " characters saying why it starts earlier");
        }
        boolean beyond = consent.start().isBefore(now.minus(backdating.maxBackdating()));
        if (beyond && (consentedOn == null || reason == null)) {
            throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "consent-backdated",
                    "the consent starts more than " + backdating.maxBackdating().toDays() + " days before today: "
                            + "give the date the family consented (period.consentedOn) and why it is recorded only "
                            + "now (period.backdatingReason)");
        }
        return consentedOn != null && reason != null ? new ConsentRecord.Backdating(consentedOn, reason) : null;
    }

    /** The current revision of the record as {@code reader} may see it; 404 problem when there is none or they may not. */
    public ConsentRecord read(String id, Requester reader, String view) {
        ConsentRecord record = get(id);
        if (!permissions.allows(ConsentAction.READ, reader, record)) {
            throw notFound();
        }
        auditIfCrossAgency(record, reader, view);
        return record;
    }

    /** The current revision of the record, unchecked: for the services; 404 problem when there is none. */
    public ConsentRecord get(String id) {
        return store.find(id).orElseThrow(ConsentService::notFound);
    }

    /**
     * A new revision with new period, evidence and provisions, by the recording agency; the
     * earlier revision stays in the history. Decisions made from now on read the new terms, and each source
     * must acknowledge the new revision anew where it needs acknowledging (a revision can widen a consent).
     * Its evidence must be new: a reference any earlier revision stated → 422 {@code evidence-not-new}.
     */
    public ConsentRecord revise(String id, NewConsent terms, Requester caller) {
        ConsentRecord current = acted(ConsentAction.REVISE, id, caller);
        Set<String> earlier = new HashSet<>();
        earlier.add(current.evidence().reference());
        current.history().forEach(h -> earlier.add(h.evidenceReference()));
        if (earlier.contains(terms.evidence().reference())) {
            throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "evidence-not-new",
                    "a revision needs new evidence: this reference was already given for this consent");
        }
        Instant now = clock.instant();
        ConsentRecord.Backdating backdated = backdatingOf(terms, now);
        boolean revised;
        try {
            revised = current.status() == ConsentStatus.ACTIVE && store.revise(id, current.revision(),
                    new ConsentStore.Revision(terms.start(), terms.end(), terms.evidence(), terms.provisions(),
                            caller.user(), now, backdated));
        } catch (com.mongodb.MongoWriteException e) {
            if (com.mongodb.ErrorCategory.fromErrorCode(e.getCode()) != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            throw new RequestRejectedException(HttpStatus.CONFLICT, "duplicate-consent",
                    "this agency already recorded consent with this evidence reference");
        }
        if (!revised) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "consent-not-active",
                    "the consent is not active (withdrawn or changed meanwhile)");
        }
        return get(id);
    }

    /**
     * The subject's records (any status) that {@code reader} may read, newest first; at most {@code limit} found
     * before that filter: a listing, never a decision. Each one of another agency is audited.
     */
    public List<ConsentRecord> ofSubject(List<LinkageToken> tokens, int limit, Requester reader) {
        List<ConsentRecord> visible = store.findBySubject(SubjectTokens.keys(tokens), limit).stream()
                .filter(r -> permissions.allows(ConsentAction.READ, reader, r)).toList();
        visible.forEach(r -> auditIfCrossAgency(r, reader, "fhir-search"));
        return visible;
    }

    /**
     * Withdraws the consent: effective for every decision made from now on (no cache anywhere). Every agency
     * whose decisions rested on it is then told ({@link WithdrawalNotices}).
     */
    public ConsentRecord withdraw(String id, Requester caller, String reason) {
        ConsentRecord current = acted(ConsentAction.WITHDRAW, id, caller);
        if (current.status() != ConsentStatus.ACTIVE || !store.withdraw(id, current.revision(),
                new ConsentRecord.Withdrawal(clock.instant(), caller.user(), reason))) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "consent-not-active",
                    "the consent is not active (already withdrawn or changed meanwhile)");
        }
        ConsentRecord withdrawn = get(id);
        try {
            notices.withdrawn(withdrawn);
        } catch (RuntimeException e) {
            // The withdrawal stands whatever happens to the notices (it binds the next decision, which matters
            // most); a failed notice is an audit error for the recording agency's DPO to follow up, never a 500.
            AUDIT.atError().addKeyValue("audit.event", "consent-withdrawal-notice-failed")
                    .addKeyValue("consent.id", id)
                    .log("withdrawal notices for consent {} failed: {}", id, e.getClass().getSimpleName());
        }
        return withdrawn;
    }

    /** The record the caller may take the action on: 403 without the role, 404 for a record beyond their reach. */
    private ConsentRecord acted(ConsentAction action, String id, Requester caller) {
        requireRole(action, caller);
        ConsentRecord current = get(id);
        if (!permissions.allows(action, caller, current)) {
            throw notFound();
        }
        return current;
    }

    private void requireRole(ConsentAction action, Requester caller) {
        if (!permissions.allows(action, caller)) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "forbidden",
                    "your role may not do this with consent records");
        }
    }

    private void auditIfCrossAgency(ConsentRecord record, Requester reader, String view) {
        if (!record.recordedByAgency().equals(reader.agency())) {
            reads.record(record, reader, view, clock.instant());
        }
    }

    static RequestRejectedException notFound() {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, "consent-not-found", "no such consent record");
    }
}
