package org.goldenthread.gateway.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.web.RequestRejectedException;

/**
 * A request for a federated view of one subject, for one purpose. A break-glass request is this
 * same request with a written justification (purpose SAFEGUARDING): consent-service decides
 * whether it stands, and it is audited like every other, never a separate path.
 *
 * @param confirmations POSSIBLE matches the key-worker confirmed, at most one per agency
 */
public record ViewRequest(
        @NotBlank @Size(max = 40) String purpose,
        @NotNull @Valid SubjectIdentifiers subject,
        @Size(max = 50) List<@Pattern(regexp = MatchConfirmation.AGENCY_ID, message = "not an agency id") String> agencies,
        @Size(max = 15) List<@NotBlank @Size(max = 40) String> categories,
        @Size(max = 2000) String breakGlassJustification,
        @Size(max = 10) List<@NotNull @Valid MatchConfirmation> confirmations) {

    public ViewRequest {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        categories = categories == null ? List.of() : List.copyOf(categories);
        confirmations = confirmations == null ? List.of() : List.copyOf(confirmations);
    }

    /** The confirmations by agency; a second one for the same agency is refused (400), not guessed between. */
    Map<String, String> confirmedRefs() {
        Map<String, String> byAgency = new LinkedHashMap<>();
        for (int i = 0; i < confirmations.size(); i++) {
            MatchConfirmation c = confirmations.get(i);
            if (byAgency.putIfAbsent(c.agency(), c.ref()) != null) {
                throw RequestRejectedException.invalid("confirmations[" + i + "].agency", "one confirmation per agency");
            }
        }
        return byAgency;
    }
}
