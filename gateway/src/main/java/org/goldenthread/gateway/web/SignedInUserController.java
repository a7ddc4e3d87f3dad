package org.goldenthread.gateway.web;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the portal (which never sees the access token) and for API clients
 * alike: the claims the federation acts on, nothing more.
 */
@RestController
class SignedInUserController {

    /**
     * @param username the user's sign-in name
     * @param name the display name
     * @param agency the user's agency id
     * @param roles the user's roles
     * @param tokenExpiresAt when the current access token expires (a browser session refreshes it)
     */
    record SignedInUser(String username, String name, String agency, List<String> roles, Instant tokenExpiresAt) {
    }

    @GetMapping("/api/me")
    SignedInUser me(@AuthenticationPrincipal Jwt user) {
        List<String> roles = user.getClaimAsStringList("roles");
        return new SignedInUser(user.getSubject(), user.getClaimAsString("name"), user.getClaimAsString("agency"),
                roles == null ? List.of() : roles, user.getExpiresAt());
    }
}
