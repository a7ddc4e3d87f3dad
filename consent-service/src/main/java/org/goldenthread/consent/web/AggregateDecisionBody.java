package org.goldenthread.consent.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /decisions/aggregate}: may these agencies give the requester's agency counts over
 * these categories, about nobody in particular? Purpose {@code OUTCOME_EVIDENCE} only.
 */
record AggregateDecisionBody(
        @NotBlank @Size(max = 40) String purpose,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = ConsentBody.AGENCY_ID) String> agencies,
        @NotNull @Size(min = 1, max = 15) List<@NotBlank @Size(max = 40) String> categories) {
}
