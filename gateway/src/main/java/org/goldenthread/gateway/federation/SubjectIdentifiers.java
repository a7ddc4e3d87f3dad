package org.goldenthread.gateway.federation;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.goldenthread.federation.linkage.PersonIdentifiers;

/**
 * Identifiers of a subject as the requester's own record holds them; at least an NHS number, a
 * NINO, or names with date of birth. Turned into linkage tokens at once; never stored or logged.
 */
public record SubjectIdentifiers(
        @Size(max = 20) String nhsNumber,
        @Size(max = 20) String nationalInsuranceNumber,
        @Size(max = 100) String familyName,
        @Size(max = 100) String givenName,
        LocalDate dateOfBirth,
        @Size(max = 10) String postcode) {

    PersonIdentifiers identifiers() {
        return new PersonIdentifiers(nhsNumber, nationalInsuranceNumber, familyName, givenName, dateOfBirth, postcode);
    }

    @Override
    public String toString() {
        return "SubjectIdentifiers[redacted]";
    }
}
