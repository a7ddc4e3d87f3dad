package org.goldenthread.gateway.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.federation.linkage.PersonIdentifiers;

/**
 * A request for a federated view of one subject, for one purpose. The subject is given by the
 * identifiers the requester's own record holds; they are turned into linkage tokens at once and
 * go no further than this request. A break-glass request is this same request with a written
 * justification (purpose SAFEGUARDING): consent-service decides whether it stands, and it is
 * audited like every other, never a separate path.
 */
public record ViewRequest(
        @NotBlank @Size(max = 40) String purpose,
        @NotNull @Valid Subject subject,
        @Size(max = 50) List<@Pattern(regexp = "[a-z][a-z0-9-]{1,30}", message = "not an agency id") String> agencies,
        @Size(max = 15) List<@NotBlank @Size(max = 40) String> categories,
        @Size(max = 2000) String breakGlassJustification) {

    public ViewRequest {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Identifiers of the subject; at least an NHS number, a NINO, or names with date of birth. */
    public record Subject(
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
            return "Subject[redacted]";
        }
    }
}
