package org.goldenthread.node.subject;

import java.time.LocalDate;
import java.util.List;
import org.goldenthread.federation.linkage.PersonIdentifiers;

/**
 * What the agency records to identify a person. Every field is personal data: never logged,
 * never released over the federation (only the linkage tokens computed from it are compared).
 *
 * @param postcode the current postcode (what the linkage tokens use)
 * @param previousNames earlier family names (e.g. before marriage), each also linked
 * @param gender FEMALE, MALE, NON_BINARY, OTHER or NOT_STATED; null when not recorded
 * @param addresses addresses with their periods, current and past
 */
public record SubjectDetails(
        String familyName,
        String givenName,
        LocalDate dateOfBirth,
        String nhsNumber,
        String nationalInsuranceNumber,
        String postcode,
        List<String> previousNames,
        String gender,
        List<Address> addresses,
        List<Contact> contacts) {

    public SubjectDetails {
        previousNames = previousNames == null ? List.of() : List.copyOf(previousNames);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** The identifying details alone (no gender, addresses or contacts recorded). */
    public SubjectDetails(String familyName, String givenName, LocalDate dateOfBirth, String nhsNumber,
            String nationalInsuranceNumber, String postcode, List<String> previousNames) {
        this(familyName, givenName, dateOfBirth, nhsNumber, nationalInsuranceNumber, postcode, previousNames, null,
                List.of(), List.of());
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
