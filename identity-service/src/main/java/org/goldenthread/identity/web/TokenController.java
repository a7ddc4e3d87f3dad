package org.goldenthread.identity.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Who am I" from a token. The public signing keys ({@code /.well-known/jwks.json}) are served by
 * the authorization server's JWK Set endpoint.
 */
@RestController
class TokenController {

    record Me(String username, String name, String agency, List<String> roles) {
    }

    @GetMapping("/api/identity/me")
    Me me(@AuthenticationPrincipal Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Me(token.getSubject(), token.getClaimAsString("name"), token.getClaimAsString("agency"),
                roles == null ? List.of() : roles);
    }
}
