package org.goldenthread.consent.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.Scope;
import org.goldenthread.consent.fhir.ProvisionText;
import org.goldenthread.federation.Vocabulary;

/**
 * A consent record on the wire: the subject appears only as its digest, never as tokens. An explicit "all" shows
 * as {@code "allSources": true} (and so on) with an empty list, and in {@code reads}, the provision in words.
 */
record ConsentView(
        String id,
        int revision,
        String status,
        String subjectDigest,
        PeriodView period,
        EvidenceView evidence,
        List<ProvisionView> provisions,
        String recordedBy,
        String recordedByAgency,
        Instant recordedAt,
        WithdrawalView withdrawal,
        List<RevisionView> history) {

    /** @param consentedOn, backdatingReason null unless given (needed when the start is backdated beyond the limit) */
    record PeriodView(Instant start, Instant end, LocalDate consentedOn, String backdatingReason) {
    }

    record EvidenceView(String kind, String reference, String witness, String privacyNoticeVersion) {
    }

    record ProvisionView(String type, List<String> sources, boolean allSources, List<String> recipients,
            boolean allRecipients, List<String> purposes, boolean allPurposes, List<String> categories,
            boolean allCategories, String reads) {
    }

    record WithdrawalView(Instant at, String by, String reason) {
    }

    record RevisionView(int revision, String status, Instant revisedAt, String revisedBy, String evidenceReference,
            Instant start, LocalDate consentedOn, String backdatingReason) {
    }

    static ConsentView of(ConsentRecord r) {
        var e = r.evidence();
        var w = r.withdrawal();
        var b = r.backdating();
        return new ConsentView(r.id(), r.revision(), r.status().name(), r.subjectDigest(),
                new PeriodView(r.start(), r.end(), b == null ? null : b.consentedOn(), b == null ? null : b.reason()),
                new EvidenceView(e.kind().name(), e.reference(), e.witness(), e.privacyNoticeVersion()),
                r.provisions().stream().map(ConsentView::provision).toList(),
                r.recordedBy(), r.recordedByAgency(), r.recordedAt(),
                w == null ? null : new WithdrawalView(w.at(), w.by(), w.reason()),
                r.history().stream().map(h -> new RevisionView(h.revision(), h.status().name(), h.revisedAt(),
                        h.revisedBy(), h.evidenceReference(), h.start(),
                        h.backdating() == null ? null : h.backdating().consentedOn(),
                        h.backdating() == null ? null : h.backdating().reason())).toList());
    }

    private static ProvisionView provision(Provision p) {
        return new ProvisionView(p.type().name(),
                names(p.sources(), Function.identity()), p.sources().all(),
                names(p.recipients(), Function.identity()), p.recipients().all(),
                names(p.purposes(), Vocabulary::name), p.purposes().all(),
                names(p.categories(), Vocabulary::name), p.categories().all(),
                ProvisionText.of(p));
    }

    private static <T> List<String> names(Scope<T> scope, Function<T, String> name) {
        return scope.values().stream().map(name).sorted().toList();
    }
}
