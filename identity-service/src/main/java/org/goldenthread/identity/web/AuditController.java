package org.goldenthread.identity.web;

import java.util.List;
import org.goldenthread.identity.admin.Actor;
import org.goldenthread.identity.admin.AdminAudit;
import org.goldenthread.identity.admin.AuditEntry;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administrative audit trail: all of it for federation administrators, their agency's for agency administrators. */
@RestController
class AuditController {

    private final AdminAudit audit;

    AuditController(AdminAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/identity/admin-audit")
    List<AuditEntry> recent(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw RequestRejectedException.invalid("limit", "must be 1-500");
        }
        Actor actor = Actors.of(token);
        return audit.recent(actor.federationAdmin() ? null : actor.agency(), limit);
    }
}
