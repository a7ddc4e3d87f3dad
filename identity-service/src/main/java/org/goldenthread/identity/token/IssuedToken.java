package org.goldenthread.identity.token;

/** A freshly signed access token and its lifetime in seconds. */
public record IssuedToken(String accessToken, long expiresIn) {
}
