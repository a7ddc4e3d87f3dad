package org.goldenthread.consent.breakglass;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The second person of a break-glass renewal. Approvers are of the <em>requester's</em> agency: a
 * team manager or DPO there knows the worker and can check the emergency with them at once, and
 * is accountable for their staff; the source agencies' DPOs still review every session afterwards
 * (their queue), and asking a source agency would make a renewal wait on an organisation that
 * cannot see the case. Approvals are single use and audited (ids only).
 */
@Component
class Renewals {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final RenewalStore store;
    private final BreakGlassProperties properties;

    Renewals(RenewalStore store, BreakGlassProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * Uses an approval given within {@code renewal-grace} for this subject covering these sources,
     * once: the id of the renewal it was, or empty when there is none left.
     */
    Optional<String> useApproved(Requester requester, String subjectDigest, Set<String> sources, String newSessionId,
            Instant now) {
        for (RenewalRequest approved : store.of(requester.user(), requester.agency(), subjectDigest,
                RenewalRequest.Status.APPROVED, now.minus(properties.renewalGrace()))) {
            if (approved.sources().containsAll(sources) && store.use(approved.id(), newSessionId, now)) {
                AUDIT.atWarn().addKeyValue("audit.severity", "HIGH").addKeyValue("audit.event", "break-glass-renewed")
                        .addKeyValue("breakGlass.renewal", approved.id()).addKeyValue("breakGlass.session", newSessionId)
                        .addKeyValue("breakGlass.agency", requester.agency())
                        .log("break-glass renewal {} used: session {} of {}", approved.id(), newSessionId,
                                requester.agency());
                return Optional.of(approved.id());
            }
        }
        return Optional.empty();
    }

    /**
     * Files (or finds the pending) renewal request for another session about a subject while
     * {@code renewing} is live or just ended, and refuses with 403 {@code break-glass-renewal-needs-approval}
     * naming it (in the detail too: the gateway passes on code and detail only).
     */
    RequestRejectedException request(Requester requester, String subjectDigest, BreakGlassSession renewing,
            Set<String> sources, String justification, Instant now) {
        RenewalRequest request = store.of(requester.user(), requester.agency(), subjectDigest,
                        RenewalRequest.Status.PENDING, now.minus(properties.renewalGrace())).stream()
                .filter(r -> r.sources().equals(sources)).findFirst()
                .orElseGet(() -> {
                    RenewalRequest filed = RenewalRequest.pending(UUID.randomUUID().toString(), requester.user(),
                            requester.agency(), subjectDigest, renewing.id(), sources, justification, now);
                    store.insert(filed);
                    AUDIT.atInfo().addKeyValue("audit.event", "break-glass-renewal-requested")
                            .addKeyValue("breakGlass.renewal", filed.id()).addKeyValue("breakGlass.session", renewing.id())
                            .addKeyValue("breakGlass.agency", requester.agency())
                            .log("break-glass renewal {} of session {} requested in {}", filed.id(), renewing.id(),
                                    requester.agency());
                    return filed;
                });
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "break-glass-renewal-needs-approval",
                "you have break-glass access to this person now or had it in the last "
                        + minutes(properties.renewalGrace()) + " minutes: a " + approvers() + " of your agency must "
                        + "approve renewal request " + request.id() + " before you ask again");
        problem.setProperty("renewalRequestId", request.id());
        problem.setProperty("renewsSession", renewing.id());
        return new RequestRejectedException(problem);
    }

    List<RenewalRequest> ofAgency(Requester approver, boolean pendingOnly, int limit) {
        requireApprover(approver);
        return store.ofAgency(approver.agency(), pendingOnly, limit);
    }

    RenewalRequest decide(String id, Requester approver, boolean approve, String note, Instant now) {
        requireApprover(approver);
        RenewalRequest request = Optional.ofNullable(id).filter(i -> i.length() <= 64).flatMap(store::find)
                .filter(r -> r.agency().equals(approver.agency()))
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "renewal-not-found",
                        "no such renewal request in your agency"));
        if (request.user().equals(approver.user())) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "renewal-own-request",
                    "someone other than the person who asked must approve a break-glass renewal");
        }
        RenewalRequest.Status status = approve ? RenewalRequest.Status.APPROVED : RenewalRequest.Status.REFUSED;
        if (!store.decide(request.id(), status, approver.user(), note, now)) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "renewal-closed",
                    "this renewal request was already approved or refused");
        }
        AUDIT.atWarn().addKeyValue("audit.severity", "HIGH").addKeyValue("audit.event", "break-glass-renewal-decided")
                .addKeyValue("breakGlass.renewal", request.id()).addKeyValue("breakGlass.session", request.renewsSession())
                .addKeyValue("breakGlass.agency", request.agency()).addKeyValue("breakGlass.outcome", status.name())
                .log("break-glass renewal {} of session {} in {}: {}", request.id(), request.renewsSession(),
                        request.agency(), status);
        return store.find(request.id()).orElseThrow();
    }

    private void requireApprover(Requester requester) {
        if (!properties.approves(requester.roles())) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "not-renewal-approver",
                    "only a " + approvers() + " may approve break-glass renewals");
        }
    }

    private String approvers() {
        return String.join(" or ", properties.renewalApproverRoles());
    }

    private static long minutes(java.time.Duration d) {
        return Math.max(1, d.toMinutes());
    }
}
