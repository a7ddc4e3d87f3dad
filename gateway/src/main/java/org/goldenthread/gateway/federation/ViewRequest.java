package org.goldenthread.gateway.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request for a federated view of one subject, for one purpose. A break-glass request is this
 * same request with a written justification (purpose SAFEGUARDING): consent-service decides
 * whether it stands, and it is audited like every other, never a separate path.
 */
public record ViewRequest(
        @NotBlank @Size(max = 40) String purpose,
        @NotNull @Valid SubjectIdentifiers subject,
        @Size(max = 50) List<@Pattern(regexp = "[a-z][a-z0-9-]{1,30}", message = "not an agency id") String> agencies,
        @Size(max = 15) List<@NotBlank @Size(max = 40) String> categories,
        @Size(max = 2000) String breakGlassJustification) {

    public ViewRequest {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
