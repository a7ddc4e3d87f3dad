package org.goldenthread.consent.isa;

import java.time.Instant;

/**
 * Who signed the agreement off for the source agency (its senior information risk owner or
 * equivalent): an agreement without a sign-off is not an agreement.
 */
public record SignOff(String by, String role, Instant at) {
}
