package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An agreement as its source agency's administrator writes it (create or revise); the source is
 * always the administrator's own agency. {@code categories: []} = every non-special category.
 */
record IsaBody(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(min = 1, max = 30) List<@NotNull @Pattern(regexp = ConsentBody.AGENCY_ID) String> recipients,
        @NotNull @Size(min = 1, max = 7) List<@NotBlank @Size(max = 40) String> purposes,
        @NotNull @Size(max = 15) List<@NotBlank @Size(max = 40) String> categories,
        @NotNull @Valid ConsentBody.Period period,
        @NotNull @Valid SignOffBody signOff) {

    record SignOffBody(@NotBlank @Size(max = 100) String by, @Size(max = 100) String role, @NotNull Instant at) {
    }
}
