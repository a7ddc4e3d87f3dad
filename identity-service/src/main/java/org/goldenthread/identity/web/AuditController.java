package org.goldenthread.identity.web;

import java.util.List;
import org.goldenthread.identity.admin.Actor;
import org.goldenthread.identity.admin.AdminAudit;
import org.goldenthread.identity.admin.AgencyNotice;
import org.goldenthread.identity.admin.AgencyNotices;
import org.goldenthread.identity.admin.AuditEntry;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What administrators read: the administrative audit trail and the notices about their agency (e.g. the
 * federation moved its node). All of it for federation administrators, their agency's for agency administrators.
 */
@RestController
class AuditController {

    private final AdminAudit audit;
    private final AgencyNotices notices;

    AuditController(AdminAudit audit, AgencyNotices notices) {
        this.audit = audit;
        this.notices = notices;
    }

    @GetMapping("/api/identity/admin-audit")
    List<AuditEntry> recent(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "100") int limit) {
        return audit.recent(visibleAgency(token, limit), limit);
    }

    @GetMapping("/api/identity/notices")
    List<AgencyNotice> notices(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "100") int limit) {
        return notices.recent(visibleAgency(token, limit), limit);
    }

    /** The agency whose entries the caller reads, null for all; checks the limit first. */
    private static String visibleAgency(Jwt token, int limit) {
        if (limit < 1 || limit > 500) {
            throw RequestRejectedException.invalid("limit", "must be 1-500");
        }
        Actor actor = Actors.of(token);
        return actor.federationAdmin() ? null : actor.agency();
    }
}
