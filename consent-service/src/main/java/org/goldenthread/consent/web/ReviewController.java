package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.breakglass.BreakGlassReview;
import org.goldenthread.consent.breakglass.BreakGlassService;
import org.goldenthread.consent.breakglass.ReviewOutcome;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The break-glass review queue of a DPO's own agency (role checked by the security rules). */
@RestController
@RequestMapping("/api/consents/reviews")
class ReviewController {

    private static final int MAX_REVIEWS = 200;

    private final BreakGlassService breakGlass;
    private final Clock clock;

    ReviewController(BreakGlassService breakGlass, Clock clock) {
        this.breakGlass = breakGlass;
        this.clock = clock;
    }

    record ReviewView(String id, String sessionId, String sourceAgency, String user, String agency,
            String subjectDigest, String justification, Instant startedAt, Instant endsAt, String status,
            String outcome, String note, String reviewedBy, Instant reviewedAt) {

        static ReviewView of(BreakGlassReview r) {
            return new ReviewView(r.id(), r.sessionId(), r.sourceAgency(), r.user(), r.agency(), r.subjectDigest(),
                    r.justification(), r.startedAt(), r.endsAt(), r.pending() ? "PENDING" : "REVIEWED",
                    r.outcome() == null ? null : r.outcome().name(), r.note(), r.reviewedBy(), r.reviewedAt());
        }
    }

    record Reviews(List<ReviewView> reviews) {
    }

    record OutcomeBody(@NotBlank @Size(max = 20) String outcome, @Size(max = 2000) String note) {
    }

    /** {@code status=PENDING} (default) or {@code ALL}. */
    @GetMapping
    Reviews list(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "PENDING") String status) {
        boolean pendingOnly = QueueFilters.pendingOnly(status);
        return new Reviews(breakGlass.reviewsFor(Callers.of(token), pendingOnly, MAX_REVIEWS).stream()
                .map(ReviewView::of).toList());
    }

    @PostMapping("/{id}")
    ReviewView review(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody OutcomeBody body) {
        ReviewOutcome outcome = ConsentBodies.parse(ReviewOutcome.class, body.outcome(), "outcome");
        String note = QueueFilters.note(body.note());
        return ReviewView.of(breakGlass.review(id, Callers.of(token), outcome, note, clock.instant()));
    }
}
