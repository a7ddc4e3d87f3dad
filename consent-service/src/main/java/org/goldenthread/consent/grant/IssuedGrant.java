package org.goldenthread.consent.grant;

import java.time.Instant;

/** A signed grant and when it stops being accepted. */
public record IssuedGrant(String compactJws, Instant expiresAt) {
}
