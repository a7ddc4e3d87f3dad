package org.goldenthread.gateway.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Which agencies are working with this person? Purpose COORDINATION, category INVOLVEMENT only. */
public record KnownToRequest(
        @NotNull @Valid SubjectIdentifiers subject,
        @Size(max = 50) List<@Pattern(regexp = "[a-z][a-z0-9-]{1,30}", message = "not an agency id") String> agencies) {

    public KnownToRequest {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }
}
