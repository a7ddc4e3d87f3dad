package org.goldenthread.consent.web;

import org.goldenthread.consent.decision.DecisionLog;
import org.goldenthread.consent.decision.LoggedDecision;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sharing-decision record, for DPOs (role checked by the security rules): every decision in
 * which their own agency asked or was asked, newest first, paged.
 */
@RestController
class DecisionLogController {

    static final int MAX_PAGE_SIZE = 100;

    private final DecisionLog log;

    DecisionLogController(DecisionLog log) {
        this.log = log;
    }

    @GetMapping("/api/consents/decisions")
    LoggedDecision.Page decisions(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        Requester dpo = Callers.of(token);
        if (agency != null && !agency.equals(dpo.agency())) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "not-own-agency",
                    "a DPO reads the decisions of their own agency only");
        }
        return log.involving(dpo.agency(), number(page, "page", 0, 10_000), number(size, "size", 1, MAX_PAGE_SIZE));
    }

    private static int number(String value, String field, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw RequestRejectedException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
