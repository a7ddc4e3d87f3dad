package org.goldenthread.node.subject;

import java.time.LocalDate;
import java.util.List;
import org.goldenthread.federation.linkage.PersonIdentifiers;

/**
 * What the agency records to identify a person. Every field is personal data: never logged,
 * never released over the federation (only the linkage tokens computed from it are compared).
 *
 * @param previousNames earlier family names (e.g. before marriage), each also linked
 */
public record SubjectDetails(
        String familyName,
        String givenName,
        LocalDate dateOfBirth,
        String nhsNumber,
        String nationalInsuranceNumber,
        String postcode,
        List<String> previousNames) {

    public SubjectDetails {
        previousNames = previousNames == null ? List.of() : List.copyOf(previousNames);
    }

    PersonIdentifiers identifiers() {
        return new PersonIdentifiers(nhsNumber, nationalInsuranceNumber, familyName, givenName, dateOfBirth, postcode);
    }

    /** The same person under an earlier family name; national identifiers are linked once already. */
    PersonIdentifiers identifiersWithFamilyName(String previousFamilyName) {
        return new PersonIdentifiers(null, null, previousFamilyName, givenName, dateOfBirth, postcode);
    }

    @Override
    public String toString() {
        return "SubjectDetails[redacted]";
    }
}
