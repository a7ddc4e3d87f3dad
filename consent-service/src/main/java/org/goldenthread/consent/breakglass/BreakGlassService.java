package org.goldenthread.consent.breakglass;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Opens break-glass sessions and keeps the review queue. Every session is written to the audit
 * log at high severity with ids only: the justification and the subject stay in the store, where
 * only the reviewing DPOs read them.
 */
@Service
@EnableConfigurationProperties(BreakGlassProperties.class)
public class BreakGlassService {

    /** How far back ended sessions are still looked at, to tell the user theirs has ended. */
    private static final Duration ENDED_LOOKBACK = Duration.ofHours(24);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final BreakGlassStore store;
    private final BreakGlassProperties properties;

    public BreakGlassService(BreakGlassStore store, BreakGlassProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Opens a session for the sources asked about, with one pending review per source agency; 403 when not allowed. */
    public BreakGlassSession open(Requester requester, String subjectDigest, List<String> sources, String justification,
            Instant now) {
        if (!properties.allows(requester.agency(), requester.roles())) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "break-glass-not-allowed",
                    "your role does not allow break-glass access");
        }
        BreakGlassSession session = new BreakGlassSession(UUID.randomUUID().toString(), requester.user(),
                requester.agency(), subjectDigest, java.util.Set.copyOf(sources), justification, now,
                now.plus(properties.duration()));
        store.open(session, sources.stream().map(source -> new BreakGlassReview(UUID.randomUUID().toString(),
                session.id(), source, session.user(), session.agency(), subjectDigest, justification, now,
                session.endsAt(), null, null, null, null)).toList());
        AUDIT.atWarn()
                .addKeyValue("audit.severity", "HIGH")
                .addKeyValue("audit.event", "break-glass-opened")
                .addKeyValue("breakGlass.session", session.id())
                .addKeyValue("breakGlass.user", session.user())
                .addKeyValue("breakGlass.agency", session.agency())
                .addKeyValue("breakGlass.sources", String.join(",", sources))
                .addKeyValue("breakGlass.endsAt", session.endsAt().toString())
                .log("break-glass session {} opened by {} of {} for {} until {}", session.id(), session.user(),
                        session.agency(), String.join(",", sources), session.endsAt());
        return session;
    }

    /** The requester's sessions about this subject, live or recently ended. */
    public List<BreakGlassSession> sessionsOf(Requester requester, String subjectDigest, Instant now) {
        return store.sessions(requester.user(), requester.agency(), subjectDigest, now.minus(ENDED_LOOKBACK));
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
}
