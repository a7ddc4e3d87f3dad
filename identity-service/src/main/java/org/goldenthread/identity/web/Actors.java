package org.goldenthread.identity.web;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.goldenthread.identity.admin.Actor;
import org.springframework.security.oauth2.jwt.Jwt;

/** The acting administrator, from the claims of their (already validated) access token. */
final class Actors {

    private Actors() {
    }

    static Actor of(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Actor(token.getSubject(), token.getClaimAsString("agency"),
                roles == null ? new HashSet<>() : new HashSet<>(roles), authTime(token));
    }

    /** A missing or unreadable {@code auth_time} is no sign-in time at all (counts as stale), never a 500. */
    private static Instant authTime(Jwt token) {
        try {
            return token.getClaimAsInstant("auth_time");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
