package org.goldenthread.identity.user;

/**
 * A started TOTP enrolment: the shared secret (base32) and the {@code otpauth://} URI an
 * authenticator app reads (usually from a QR code). Shown once, to the user enrolling.
 */
public record TotpEnrolment(String secret, String otpauthUri) {
}
