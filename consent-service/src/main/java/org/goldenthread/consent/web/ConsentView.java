package org.goldenthread.consent.web;

import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.federation.Vocabulary;

/** A consent record on the wire: the subject appears only as its digest, never as tokens. */
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

    record PeriodView(Instant start, Instant end) {
    }

    record EvidenceView(String kind, String reference, String witness, String privacyNoticeVersion) {
    }

    record ProvisionView(String type, List<String> sources, List<String> recipients, List<String> purposes,
            List<String> categories) {
    }

    record WithdrawalView(Instant at, String by, String reason) {
    }

    record RevisionView(int revision, String status, Instant revisedAt, String revisedBy) {
    }

    static ConsentView of(ConsentRecord r) {
        var e = r.evidence();
        var w = r.withdrawal();
        return new ConsentView(r.id(), r.revision(), r.status().name(), r.subjectDigest(),
                new PeriodView(r.start(), r.end()),
                new EvidenceView(e.kind().name(), e.reference(), e.witness(), e.privacyNoticeVersion()),
                r.provisions().stream().map(ConsentView::provision).toList(),
                r.recordedBy(), r.recordedByAgency(), r.recordedAt(),
                w == null ? null : new WithdrawalView(w.at(), w.by(), w.reason()),
                r.history().stream().map(h -> new RevisionView(h.revision(), h.status().name(), h.revisedAt(),
                        h.revisedBy())).toList());
    }

    private static ProvisionView provision(Provision p) {
        return new ProvisionView(p.type().name(),
                p.sources().stream().sorted().toList(),
                p.recipients().stream().sorted().toList(),
                p.purposes().stream().map(Vocabulary::name).sorted().toList(),
                p.categories().stream().map(Vocabulary::name).sorted().toList());
    }
}
