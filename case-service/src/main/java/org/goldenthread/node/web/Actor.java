package org.goldenthread.node.web;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is acting, as recorded against what they save: the token's display name, else the user id. */
final class Actor {

    private Actor() {
    }

    static String nameOf(Jwt token) {
        String name = token.getClaimAsString("name");
        return name == null || name.isBlank() ? token.getSubject() : name;
    }
}
