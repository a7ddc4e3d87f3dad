package org.goldenthread.identity.web;

import java.util.List;
import java.util.Map;
import org.goldenthread.platform.keys.SigningKeys;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing keys every service verifies tokens with, and "who am I" from a token. */
@RestController
class TokenController {

    record Me(String username, String name, String agency, List<String> roles) {
    }

    private final SigningKeys keys;

    TokenController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return keys.publicJwks().toJSONObject();
    }

    @GetMapping("/api/identity/me")
    Me me(@AuthenticationPrincipal Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Me(token.getSubject(), token.getClaimAsString("name"), token.getClaimAsString("agency"),
                roles == null ? List.of() : roles);
    }
}
