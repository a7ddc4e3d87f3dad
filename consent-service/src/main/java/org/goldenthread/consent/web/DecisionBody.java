package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /decisions}; the requester comes from the forwarded user token, never from here.
 * {@code subjectTokens} are one person's: at most one of each kind. {@code breakGlassJustification}
 * (optional, SAFEGUARDING only) opens a break-glass session
 * (what it must say: {@code breakglass.Justifications}). {@code legacyTokens} (optional) are other
 * tokens the person is known by (version-1 name tokens): they find records whose denies apply, never a permit.
 */
record DecisionBody(
        @NotNull @Size(min = 1, max = 8) List<@NotNull @Valid TokenBody> subjectTokens,
        @NotBlank @Size(max = 40) String purpose,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = ConsentBody.AGENCY_ID) String> agencies,
        @Size(max = 15) List<@NotBlank @Size(max = 40) String> categories,
        @Size(max = 2000) String breakGlassJustification,
        @Size(max = 4) List<@NotNull @Valid TokenBody> legacyTokens) {

    /** A linkage token as sent; its value is pseudonymous personal data and is never logged or stored. */
    record TokenBody(
            @NotBlank @Size(max = 30) String kind,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String keyId,
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9_-]+") String value) {

        @Override
        public String toString() {
            return "TokenBody[" + kind + ", redacted]";
        }
    }
}
