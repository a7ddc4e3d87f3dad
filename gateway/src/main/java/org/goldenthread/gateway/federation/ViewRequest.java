package org.goldenthread.gateway.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.Purpose;
import org.springframework.http.HttpStatus;

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

    /**
     * The purpose in the vocabulary's spelling (an unknown one is refused by the vocabulary, 400
     * {@code unknown-purpose}). COORDINATION is refused, 400 {@code purpose-not-for-view}, before any
     * decision: it is the purpose partners agree for finding out who is working with a person (the
     * known-to search), and the nodes release no records under it, so a view would only look as if it
     * had asked.
     */
    String viewPurpose() {
        Purpose asked = Vocabulary.purpose(purpose);
        if (asked == Purpose.PURPOSE_COORDINATION) {
            throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "purpose-not-for-view",
                    "COORDINATION is for finding out which agencies are working with this person, not for reading"
                            + " their records: use the known-to search (POST /api/federation/subjects/known-to), or ask"
                            + " for the view with the purpose of your work with the family, such as CASE_MANAGEMENT.");
        }
        return Vocabulary.name(asked);
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
