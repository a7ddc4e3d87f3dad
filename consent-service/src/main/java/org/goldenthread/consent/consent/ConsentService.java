package org.goldenthread.consent.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldenthread.consent.burst.BurstAlert;
import org.goldenthread.consent.burst.BurstAlerts;
import org.goldenthread.consent.burst.BurstProperties;
import org.goldenthread.consent.common.IdentifierProblems;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/** Recording and withdrawing consent (ARCHITECTURE.md §3): append-only, keyed by linkage tokens. */
@Service
public class ConsentService {

    private final ConsentStore store;
    private final BurstAlerts bursts;
    private final Clock clock;

    public ConsentService(ConsentStore store, BurstAlerts bursts, Clock clock) {
        this.store = store;
        this.bursts = bursts;
        this.clock = clock;
    }

    /**
     * Records revision 1 of a new consent. Throws {@link RequestRejectedException}: 400
     * {@code conflicting-identifiers} when its tokens are more than one person's; 429 {@code consent-burst}
     * (nothing stored, the recording agency's DPO alerted) when as many records about the subject as
     * {@code goldenthread.consent.burst.max-per-subject} were recorded within the window; 409
     * {@code duplicate-consent} (property {@code consentId}) when the agency already recorded this evidence
     * reference, so seeding can be repeated safely.
     */
    public ConsentRecord record(NewConsent consent) {
        List<LinkageToken> matchable = SubjectTokens.matchable(consent.tokens());
        IdentifierProblems.requireOnePerson(matchable, "tokens");
        List<String> keys = SubjectTokens.keys(matchable);
        if (keys.isEmpty()) {
            throw RequestRejectedException.invalid("subject",
                    "needs an NHS number, a National Insurance number, or family name, given name and date of birth");
        }
        Instant now = clock.instant();
        String digest = SubjectDigest.of(matchable);
        refuseBurst(keys, digest, consent, now);
        ConsentRecord record = new ConsentRecord(UUID.randomUUID().toString(), 1, ConsentStatus.ACTIVE,
                digest, consent.start(), consent.end(),
                consent.evidence(), consent.provisions(), consent.recordedBy(), consent.recordedByAgency(), now,
                null, List.of());
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

    /** The current revision of the record; 404 problem when there is none. */
    public ConsentRecord get(String id) {
        return store.find(id).orElseThrow(ConsentService::notFound);
    }

    /**
     * A new revision with new period, evidence and provisions, by the recording agency; the
     * earlier revision stays in the history. Decisions made from now on read the new terms.
     */
    public ConsentRecord revise(String id, NewConsent terms) {
        ConsentRecord current = get(id);
        if (!current.recordedByAgency().equals(terms.recordedByAgency())) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "not-recording-agency",
                    "only the agency that recorded a consent may revise it");
        }
        boolean revised;
        try {
            revised = current.status() == ConsentStatus.ACTIVE && store.revise(id, current.revision(),
                    new ConsentStore.Revision(terms.start(), terms.end(), terms.evidence(), terms.provisions(),
                            terms.recordedBy(), clock.instant()));
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

    /** The subject's records (any status), newest first; at most {@code limit}: a listing, never a decision. */
    public List<ConsentRecord> ofSubject(List<LinkageToken> tokens, int limit) {
        return store.findBySubject(SubjectTokens.keys(tokens), limit);
    }

    /** Withdraws the consent: effective for every decision made from now on (no cache anywhere). */
    public ConsentRecord withdraw(String id, String user, String agency, String reason) {
        ConsentRecord current = get(id);
        if (!current.recordedByAgency().equals(agency)) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "not-recording-agency",
                    "only the agency that recorded a consent may withdraw it");
        }
        if (current.status() != ConsentStatus.ACTIVE
                || !store.withdraw(id, current.revision(), new ConsentRecord.Withdrawal(clock.instant(), user, reason))) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "consent-not-active",
                    "the consent is not active (already withdrawn or changed meanwhile)");
        }
        return get(id);
    }

    static RequestRejectedException notFound() {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, "consent-not-found", "no such consent record");
    }
}
