package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/consents}: who (identifiers, turned into tokens and dropped), when, evidence, provisions. */
record ConsentBody(
        @NotNull @Valid Subject subject,
        @NotNull @Valid Period period,
        @NotNull @Valid EvidenceBody evidence,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ProvisionBody> provisions) {

    static final String AGENCY_ID = "[a-z][a-z0-9-]{0,39}";

    /** Never logged, never stored: only the linkage tokens computed from it are kept. */
    record Subject(
            @Size(max = 20) String nhsNumber,
            @Size(max = 20) String nationalInsuranceNumber,
            @Size(max = 100) String familyName,
            @Size(max = 100) String givenName,
            LocalDate dateOfBirth,
            @Size(max = 10) String postcode) {

        @Override
        public String toString() {
            return "Subject[redacted]";
        }
    }

    /**
     * @param consentedOn the day the family actually consented: needed when {@code start} is further back than
     *     {@code goldenthread.consent.max-backdating}
     * @param backdatingReason why it is recorded only now (10–500 characters): needed likewise
     */
    record Period(@NotNull Instant start, Instant end, LocalDate consentedOn,
            @Size(max = 500) String backdatingReason) {

        Period(Instant start, Instant end) {
            this(start, end, null, null);
        }
    }

    record EvidenceBody(
            @NotBlank @Size(max = 30) String kind,
            @NotBlank @Size(max = 64) String reference,
            @Size(max = 100) String witness,
            @NotBlank @Size(max = 32) String privacyNoticeVersion) {
    }

    /**
     * Each dimension is a non-empty list or said to be all explicitly ({@code "allSources": true} and so on),
     * never both, never neither: "every agency" is something a person must say, not what an empty list means.
     */
    record ProvisionBody(
            @NotBlank @Size(max = 10) String type,
            @Size(max = 30) List<@NotNull @Pattern(regexp = AGENCY_ID) String> sources,
            Boolean allSources,
            @Size(max = 30) List<@NotNull @Pattern(regexp = AGENCY_ID) String> recipients,
            Boolean allRecipients,
            @Size(max = 7) List<@NotBlank @Size(max = 40) String> purposes,
            Boolean allPurposes,
            @Size(max = 15) List<@NotBlank @Size(max = 40) String> categories,
            Boolean allCategories) {
    }
}
