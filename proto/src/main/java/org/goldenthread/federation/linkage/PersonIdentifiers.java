package org.goldenthread.federation.linkage;

import java.time.LocalDate;

/**
 * What an agency knows that identifies a person, the input to linkage tokens. Any field may be
 * null; tokens are made from those present. Never logged: every field is personal data.
 *
 * @param nhsNumber NHS number, spaces allowed
 * @param nationalInsuranceNumber NINO, spaces allowed
 * @param familyName family name as recorded
 * @param givenName first given name as recorded
 * @param dateOfBirth date of birth
 * @param postcode full postcode; only the district (outward code) is used
 */
public record PersonIdentifiers(
        String nhsNumber,
        String nationalInsuranceNumber,
        String familyName,
        String givenName,
        LocalDate dateOfBirth,
        String postcode) {

    @Override
    public String toString() {
        return "PersonIdentifiers[redacted]";
    }
}
