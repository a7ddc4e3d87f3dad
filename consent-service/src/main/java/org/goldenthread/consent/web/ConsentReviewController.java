package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.goldenthread.consent.review.ConsentReviewItem;
import org.goldenthread.consent.review.ConsentReviews;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent review queue of the caller's own agency (the acknowledging roles, default DPO): consents naming it as
 * a source, to acknowledge, and notices of withdrawn consents its decisions relied on. Not the break-glass queue
 * ({@code /api/consents/reviews}).
 */
@RestController
@RequestMapping("/api/consents/consent-reviews")
class ConsentReviewController {

    static final int MAX_ITEMS = 200;

    private final ConsentReviews reviews;

    ConsentReviewController(ConsentReviews reviews) {
        this.reviews = reviews;
    }

    record Items(List<ConsentReviewItem> items) {
    }

    record AcknowledgementBody(@Size(max = 2000) String note) {
    }

    /** {@code status=PENDING} (default) or {@code ALL}; newest first, at most {@value #MAX_ITEMS}. */
    @GetMapping
    Items list(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "PENDING") String status) {
        boolean pendingOnly = QueueFilters.pendingOnly(status);
        return new Items(reviews.queue(Callers.of(token), pendingOnly, MAX_ITEMS));
    }

    @PostMapping("/{id}/acknowledgement")
    ConsentReviewItem acknowledge(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody(required = false) AcknowledgementBody body) {
        return reviews.acknowledge(id, Callers.of(token), body == null ? null : QueueFilters.note(body.note()));
    }
}
