package org.goldenthread.gateway.federation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What to count across agencies, for outcome evidence: a metric ({@code OPEN_CASES},
 * {@code CASES_BY_RAG}, {@code SUBJECTS_BY_NEED}), the categories to count over (each agency's
 * agreement decides which of them it may give), and optional filters. No subject: counts are
 * about nobody in particular.
 */
public record AggregateQuery(
        @NotBlank @Size(max = 40) String metric,
        @NotNull @Size(min = 1, max = 15) List<@NotBlank @Size(max = 40) String> categories,
        @Size(max = 50) List<@Pattern(regexp = "[a-z][a-z0-9-]{1,30}", message = "not an agency id") String> agencies,
        Instant openedFrom,
        Instant openedTo,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> caseTypes) {

    public AggregateQuery {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        caseTypes = caseTypes == null ? List.of() : List.copyOf(caseTypes);
    }
}
