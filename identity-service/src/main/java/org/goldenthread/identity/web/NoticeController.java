package org.goldenthread.identity.web;

import java.util.List;
import org.goldenthread.identity.admin.Actor;
import org.goldenthread.identity.admin.AgencyNotice;
import org.goldenthread.identity.admin.AgencyNotices;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notices for administrators: their own agency's for agency administrators, every agency's for federation administrators. */
@RestController
class NoticeController {

    private final AgencyNotices notices;

    NoticeController(AgencyNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/identity/notices")
    List<AgencyNotice> recent(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw RequestRejectedException.invalid("limit", "must be 1-500");
        }
        Actor actor = Actors.of(token);
        return notices.recent(actor.federationAdmin() ? null : actor.agency(), limit);
    }
}
