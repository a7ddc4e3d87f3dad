package org.goldenthread.node.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.goldenthread.node.subject.SubjectDetails;

/** {@code PUT /api/subjects/{ref}}; dateOfBirth as "YYYY-MM-DD"; previousNames are earlier family names. */
record SubjectBody(
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank String dateOfBirth,
        @Size(max = 20) String nhsNumber,
        @Size(max = 20) String nationalInsuranceNumber,
        @Size(max = 10) String postcode,
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> previousNames) {

    SubjectDetails toDetails() {
        return new SubjectDetails(familyName, givenName, BodyFields.pastDate("dateOfBirth", dateOfBirth),
                blankToNull(nhsNumber), blankToNull(nationalInsuranceNumber), blankToNull(postcode), previousNames);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "SubjectBody[redacted]";
    }
}
