package org.goldenthread.consent.web;

import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.isa.AgreementTerms;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.federation.Vocabulary;

/**
 * An agreement on the wire. {@code categories} is what it names ([] = every non-special
 * category); {@code categoriesShared} spells out what that means.
 */
record IsaView(
        String id,
        int revision,
        String status,
        String sourceAgency,
        String title,
        List<String> recipients,
        List<String> purposes,
        List<String> categories,
        List<String> categoriesShared,
        PeriodView period,
        SignOffView signOff,
        String recordedBy,
        Instant recordedAt,
        ConsentView.WithdrawalView termination,
        List<RevisionView> history) {

    record PeriodView(Instant start, Instant end) {
    }

    record RevisionView(int revision, String status, Instant revisedAt, String revisedBy) {
    }

    record SignOffView(String by, String role, Instant at) {
    }

    record Agreements(List<IsaView> agreements) {
    }

    static IsaView of(SharingAgreement isa) {
        AgreementTerms t = isa.terms();
        var end = isa.termination();
        return new IsaView(isa.id(), isa.revision(), isa.status().name(), isa.sourceAgency(), t.title(),
                t.recipients().stream().sorted().toList(),
                t.purposes().stream().map(Vocabulary::name).sorted().toList(),
                t.categories().stream().map(Vocabulary::name).sorted().toList(),
                isa.categories().stream().sorted().map(Vocabulary::name).toList(),
                new PeriodView(t.start(), t.end()),
                new SignOffView(t.signOff().by(), t.signOff().role(), t.signOff().at()),
                isa.recordedBy(), isa.recordedAt(),
                end == null ? null : new ConsentView.WithdrawalView(end.at(), end.by(), end.reason()),
                isa.history().stream().map(h -> new RevisionView(h.revision(), h.status().name(),
                        h.revisedAt(), h.revisedBy())).toList());
    }
}
