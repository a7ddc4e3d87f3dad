package org.goldenthread.consent.breakglass;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.DataCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * Opens break-glass sessions and keeps the review queue. A session opens only for a user holding
 * a break-glass role, with a justification a person wrote ({@link Justifications}, and not a copy
 * of one of their own recent ones), within the daily limits; another session about the same
 * subject while one is live or just ended is a renewal, which a second person approves
 * ({@link Renewals}). Every session is written to the audit log at high severity with ids only
 * (session, agency, sources, end): the justification, the subject and the user stay in the store,
 * where only the reviewing DPOs read them.
 */
@Service
@EnableConfigurationProperties(BreakGlassProperties.class)
public class BreakGlassService {

    /** How far back ended sessions are still looked at, to tell the user theirs has ended. */
    private static final Duration ENDED_LOOKBACK = Duration.ofHours(24);
    /** The limits' "per day": any 24 hours, so no midnight resets them and no time zone is involved. */
    static final Duration LIMIT_WINDOW = Duration.ofHours(24);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final BreakGlassStore store;
    private final Renewals renewals;
    private final BreakGlassProperties properties;

    BreakGlassService(BreakGlassStore store, Renewals renewals, BreakGlassProperties properties) {
        this.store = store;
        this.renewals = renewals;
        this.properties = properties;
    }

    /**
     * Opens a session for the sources asked about, with one pending review per source agency.
     * Refusals, in this order: 403 {@code break-glass-not-allowed}; 422 {@code justification-too-short},
     * {@code justification-filler}, {@code justification-repeated}; 403 {@code break-glass-renewal-needs-approval}
     * (with the renewal request id); 429 {@code break-glass-limit} naming the limit. Nothing is stored on a refusal
     * but the renewal request.
     */
    public BreakGlassSession open(Requester requester, String subjectDigest, List<String> sources, String justification,
            Instant now) {
        if (!properties.allows(requester.agency(), requester.roles())) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "break-glass-not-allowed",
                    "your account does not have the break-glass permission; ask your agency administrator");
        }
        Justifications.problemWith(justification).ifPresent(problem -> {
            throw refused(problem);
        });
        String fingerprint = fingerprint(justification);
        if (store.justifiedAlike(requester.user(), requester.agency(), fingerprint, now.minus(properties.repeatWindow()))) {
            throw refused(JustificationProblem.COPIED);
        }
        Set<String> asked = Set.copyOf(sources);
        String sessionId = UUID.randomUUID().toString();
        Optional<String> renewal = renewals.useApproved(requester, subjectDigest, asked, sessionId, now);
        if (renewal.isEmpty()) {
            Optional<BreakGlassSession> renewing = store.sessions(requester.user(), requester.agency(), subjectDigest,
                    now.minus(properties.renewalGrace())).stream().findFirst();
            if (renewing.isPresent()) {
                throw renewals.request(requester, subjectDigest, renewing.get(), asked, justification, now);
            }
            withinLimits(requester, subjectDigest, now);
        }
        Map<String, Set<DataCategory>> categories = new LinkedHashMap<>();
        asked.forEach(source -> categories.put(source, properties.categoriesFor(source)));
        BreakGlassSession session = new BreakGlassSession(sessionId, requester.user(), requester.agency(), subjectDigest,
                asked, categories, justification, now, now.plus(properties.duration()), renewal.orElse(null));
        store.open(session, fingerprint, sources.stream().map(source -> new BreakGlassReview(UUID.randomUUID().toString(),
                session.id(), source, session.user(), session.agency(), subjectDigest, justification, now,
                session.endsAt(), null, null, null, null)).toList());
        AUDIT.atWarn()
                .addKeyValue("audit.severity", "HIGH")
                .addKeyValue("audit.event", "break-glass-opened")
                .addKeyValue("breakGlass.session", session.id())
                .addKeyValue("breakGlass.agency", session.agency())
                .addKeyValue("breakGlass.sources", String.join(",", sources))
                .addKeyValue("breakGlass.renewal", session.renewalId())
                .addKeyValue("breakGlass.endsAt", session.endsAt().toString())
                .log("break-glass session {} opened in {} for {} until {}", session.id(), session.agency(),
                        String.join(",", sources), session.endsAt());
        return session;
    }

    /** The requester's sessions about this subject, live or recently ended, newest first. */
    public List<BreakGlassSession> sessionsOf(Requester requester, String subjectDigest, Instant now) {
        return store.sessions(requester.user(), requester.agency(), subjectDigest, now.minus(ENDED_LOOKBACK));
    }

    /** The requester's live sessions about anyone, newest first (for a countdown). */
    public List<BreakGlassSession> liveSessionsOf(Requester requester, Instant now) {
        return store.live(requester.user(), requester.agency(), now).stream().filter(s -> s.activeAt(now)).toList();
    }

    /** The newest of these sessions live at {@code now}; null for none. */
    public static BreakGlassSession newestLive(List<BreakGlassSession> sessions, Instant now) {
        return sessions.stream().filter(s -> s.activeAt(now)).findFirst().orElse(null);
    }

    /** The renewal requests of an approver's own agency, newest first; 403 {@code not-renewal-approver} for others. */
    public List<RenewalRequest> renewalsFor(Requester approver, boolean pendingOnly, int limit) {
        return renewals.ofAgency(approver, pendingOnly, limit);
    }

    /**
     * Approves or refuses a renewal request of the approver's own agency: 404 {@code renewal-not-found} for
     * another agency's, 403 {@code renewal-own-request} for the requester's own, 409 {@code renewal-closed} once
     * decided.
     */
    public RenewalRequest decideRenewal(String id, Requester approver, boolean approve, String note, Instant now) {
        return renewals.decide(id, approver, approve, note, now);
    }

    /** The review queue of a DPO's own agency, newest first. */
    public List<BreakGlassReview> reviewsFor(Requester dpo, boolean pendingOnly, int limit) {
        return store.reviews(dpo.agency(), pendingOnly, limit);
    }

    public BreakGlassReview review(String id, Requester dpo, ReviewOutcome outcome, String note, Instant now) {
        BreakGlassReview review = store.review(id).filter(r -> r.sourceAgency().equals(dpo.agency()))
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "review-not-found",
                        "no such review for your agency"));
        if (!review.pending() || !store.close(id, outcome, note, dpo.user(), now)) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "review-closed",
                    "an outcome was already recorded for this review");
        }
        AUDIT.atInfo().addKeyValue("audit.event", "break-glass-reviewed").addKeyValue("breakGlass.review", id)
                .addKeyValue("breakGlass.session", review.sessionId()).addKeyValue("breakGlass.outcome", outcome.name())
                .log("break-glass review {} of session {}: {}", id, review.sessionId(), outcome);
        return store.review(id).orElseThrow();
    }

    /** The per-subject limit first (the stricter one by default), then the per-user one. */
    private void withinLimits(Requester requester, String subjectDigest, Instant now) {
        Instant since = now.minus(LIMIT_WINDOW);
        if (store.openedWithoutRenewal(requester.user(), requester.agency(), subjectDigest, since)
                >= properties.maxSessionsPerSubject()) {
            throw limit("sessions-per-subject-per-day", properties.maxSessionsPerSubject(), "about one person");
        }
        if (store.openedWithoutRenewal(requester.user(), requester.agency(), null, since)
                >= properties.maxSessionsPerUser()) {
            throw limit("sessions-per-user-per-day", properties.maxSessionsPerUser(), "in all");
        }
    }

    private static RequestRejectedException limit(String name, int max, String scope) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "break-glass-limit",
                "you have reached the break-glass limit of " + max + (max == 1 ? " session" : " sessions") + " " + scope
                        + " in 24 hours (" + name + "); if the emergency goes on, ask your DPO or team manager");
        problem.setProperty("limit", name);
        problem.setProperty("max", max);
        problem.setProperty("window", LIMIT_WINDOW.toString());
        return new RequestRejectedException(problem);
    }

    private static RequestRejectedException refused(JustificationProblem problem) {
        ProblemDetail detail = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, problem.code(), problem.sentence());
        detail.setProperty("rule", problem.rule());
        return new RequestRejectedException(detail);
    }

    /** SHA-256 of the normalised text: the copy rule compares these, never the texts in a query. */
    private static String fingerprint(String justification) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Justifications.normalised(justification).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
