package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.breakglass.ReviewOutcome;
import org.goldenthread.consent.burst.BurstAlert;
import org.goldenthread.consent.burst.BurstAlerts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consents refused for coming too fast, the queue of the recording agency's DPO (role checked by the security rules). */
@RestController
@RequestMapping("/api/consents/burst-alerts")
class BurstAlertController {

    private static final int MAX_ALERTS = 200;

    private final BurstAlerts alerts;
    private final Clock clock;

    BurstAlertController(BurstAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    record AlertView(String id, String agency, String user, String subjectDigest, int recentRecords, int limit,
            String window, int refusals, Instant firstRefusedAt, Instant lastRefusedAt, String status, String outcome,
            String note, String reviewedBy, Instant reviewedAt) {

        static AlertView of(BurstAlert a) {
            return new AlertView(a.id(), a.agency(), a.user(), a.subjectDigest(), a.recentRecords(), a.limit(),
                    a.window().toString(), a.refusals(), a.firstRefusedAt(), a.lastRefusedAt(),
                    a.pending() ? "PENDING" : "REVIEWED", a.outcome() == null ? null : a.outcome().name(), a.note(),
                    a.reviewedBy(), a.reviewedAt());
        }
    }

    record Alerts(List<AlertView> alerts) {
    }

    /** {@code status=PENDING} (default) or {@code ALL}. */
    @GetMapping
    Alerts list(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "PENDING") String status) {
        boolean pendingOnly = QueueFilters.pendingOnly(status);
        return new Alerts(alerts.alertsFor(Callers.of(token), pendingOnly, MAX_ALERTS).stream().map(AlertView::of)
                .toList());
    }

    @PostMapping("/{id}")
    AlertView review(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody ReviewController.OutcomeBody body) {
        ReviewOutcome outcome = ConsentBodies.parse(ReviewOutcome.class, body.outcome(), "outcome");
        String note = QueueFilters.note(body.note());
        return AlertView.of(alerts.review(id, Callers.of(token), outcome, note, clock.instant()));
    }
}
