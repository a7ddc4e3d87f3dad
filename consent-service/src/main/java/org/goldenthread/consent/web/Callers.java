package org.goldenthread.consent.web;

import java.util.List;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller as the verified access token names them. */
final class Callers {

    private Callers() {
    }

    static Requester of(Jwt token) {
        String agency = token.getClaimAsString("agency");
        String user = token.getSubject();
        if (agency == null || agency.isBlank() || user == null || user.isBlank()) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "no-agency",
                    "the access token names no user or agency");
        }
        List<String> roles = token.getClaimAsStringList("roles");
        return new Requester(user, agency, roles == null ? List.of() : roles);
    }
}
