package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.goldenthread.consent.breakglass.BreakGlassService;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.breakglass.RenewalRequest;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.platform.web.RequestRejectedException;
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
 * The caller's own live break-glass sessions (for a countdown) and the renewal requests a second
 * person approves. A session is shown without its subject: ids, sources, categories and times only.
 */
@RestController
@RequestMapping("/api/consents/break-glass")
class BreakGlassController {

    private static final int MAX_RENEWALS = 200;

    private final BreakGlassService breakGlass;
    private final Clock clock;

    BreakGlassController(BreakGlassService breakGlass, Clock clock) {
        this.breakGlass = breakGlass;
        this.clock = clock;
    }

    record SessionView(String id, List<String> sources, Map<String, List<String>> categories, Instant startedAt,
            Instant expiresAt, String renewalId) {

        static SessionView of(BreakGlassSession s) {
            Map<String, List<String>> categories = new TreeMap<>();
            s.categories().forEach((source, released) -> categories.put(source,
                    released.stream().sorted().map(Vocabulary::name).toList()));
            return new SessionView(s.id(), s.sources().stream().sorted().toList(), categories, s.startedAt(),
                    s.endsAt(), s.renewalId());
        }
    }

    record Sessions(List<SessionView> sessions) {
    }

    /** What the approver reads: who asked, about which subject digest, why, and what became of it. */
    record RenewalView(String id, String user, String agency, String subjectDigest, String renewsSession,
            List<String> sources, String justification, Instant requestedAt, String status, String decidedBy,
            Instant decidedAt, String note, String usedBySession, Instant usedAt) {

        static RenewalView of(RenewalRequest r) {
            return new RenewalView(r.id(), r.user(), r.agency(), r.subjectDigest(), r.renewsSession(),
                    r.sources().stream().sorted().toList(), r.justification(), r.requestedAt(), r.status().name(),
                    r.decidedBy(), r.decidedAt(), r.note(), r.usedBySession(), r.usedAt());
        }
    }

    record Renewals(List<RenewalView> renewals) {
    }

    record RenewalOutcomeBody(@NotBlank @Size(max = 20) String outcome, @Size(max = 2000) String note) {
    }

    @GetMapping("/sessions")
    Sessions sessions(@AuthenticationPrincipal Jwt token) {
        return new Sessions(breakGlass.liveSessionsOf(Callers.of(token), clock.instant()).stream()
                .map(SessionView::of).toList());
    }

    /** {@code status=PENDING} (default) or {@code ALL}. */
    @GetMapping("/renewals")
    Renewals renewals(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "PENDING") String status) {
        boolean pendingOnly = QueueFilters.pendingOnly(status);
        return new Renewals(breakGlass.renewalsFor(Callers.of(token), pendingOnly, MAX_RENEWALS).stream()
                .map(RenewalView::of).toList());
    }

    /** {@code {"outcome":"APPROVED|REFUSED","note"?}}. */
    @PostMapping("/renewals/{id}")
    RenewalView decide(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody RenewalOutcomeBody body) {
        boolean approve = switch (body.outcome().strip()) {
            case "APPROVED" -> true;
            case "REFUSED" -> false;
            default -> throw RequestRejectedException.invalid("outcome", "must be APPROVED or REFUSED");
        };
        String note = QueueFilters.note(body.note());
        return RenewalView.of(breakGlass.decideRenewal(id, Callers.of(token), approve, note, clock.instant()));
    }
}
