package org.goldenthread.consent.isa;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * An information sharing agreement (ARCHITECTURE.md §3): the source agency's lawful basis
 * (PUBLIC_TASK) for giving the recipients the named categories for the named purposes, without
 * individual consent. Special category data (UK GDPR art. 9: health, and substance misuse as
 * health data) is shared only where the agreement names it; an empty category list never
 * reaches it.
 *
 * @param termination null unless terminated
 * @param history earlier revisions, oldest first
 */
public record SharingAgreement(
        String id,
        int revision,
        IsaStatus status,
        String sourceAgency,
        AgreementTerms terms,
        String recordedBy,
        Instant recordedAt,
        Termination termination,
        List<IsaRevision> history) {

    public SharingAgreement {
        history = List.copyOf(history);
    }

    public boolean inForceAt(Instant now) {
        return status == IsaStatus.ACTIVE && !now.isBefore(terms.start())
                && (terms.end() == null || now.isBefore(terms.end()));
    }

    /** Whether it speaks about {@code source} giving {@code recipient} data for {@code purpose}. */
    public boolean appliesTo(String source, String recipient, Purpose purpose) {
        return sourceAgency.equals(source) && terms.recipients().contains(recipient) && terms.purposes().contains(purpose);
    }

    /** The categories it gives: those named, or every non-special one when none are. */
    public Set<DataCategory> categories() {
        return terms.categories().isEmpty() ? Categories.ORDINARY : terms.categories();
    }

    /** The termination event: the agreement permits nothing for decisions made after {@code at}. */
    public record Termination(Instant at, String by, String reason) {
    }
}
