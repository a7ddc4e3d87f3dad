package org.goldenthread.identity.web;

import java.util.List;
import org.goldenthread.identity.signin.SignInAudit;
import org.goldenthread.identity.signin.SignInEntry;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in audit: all of it (attempts at unknown usernames too) for federation administrators,
 * their own agency's accounts for agency administrators and DPOs (who answer for who accessed what).
 * The role check is in {@code SecurityConfiguration}.
 */
@RestController
class SignInAuditController {

    private final SignInAudit audit;

    SignInAuditController(SignInAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/identity/sign-in-audit")
    List<SignInEntry> recent(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw RequestRejectedException.invalid("limit", "must be 1-500");
        }
        List<String> roles = token.getClaimAsStringList("roles");
        boolean federationAdmin = roles != null && roles.contains("FEDERATION_ADMIN");
        String agency = token.getClaimAsString("agency");
        if (!federationAdmin && agency == null) {
            // Fail closed: a token without an agency must not read as "every agency".
            return List.of();
        }
        return audit.recent(federationAdmin ? null : agency, limit);
    }
}
