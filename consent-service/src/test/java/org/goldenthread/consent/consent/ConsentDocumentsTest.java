package org.goldenthread.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;
import org.junit.jupiter.api.Test;

/** How explicit "all", backdating and review sources are kept, and how records from before them read. */
class ConsentDocumentsTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void keepsAnExplicitAllAndAListApartThroughTheStore() {
        Provision provision = new Provision(ProvisionType.PERMIT, Scope.everything(), Scope.of(Set.of("police")),
                Scope.of(Set.of(Purpose.PURPOSE_CASE_MANAGEMENT)), Scope.everything());
        ConsentRecord record = new ConsentRecord("c1", 1, ConsentStatus.ACTIVE, "digest", AT, null,
                new Evidence(EvidenceKind.SIGNED_FORM, "CF-1", null, "v3"), List.of(provision), "kw", "council", AT,
                null, List.of(), new ConsentRecord.Backdating(LocalDate.parse("2026-11-01"), "posted back late"));

        Document stored = ConsentDocuments.toDocument(record, List.of());
        ConsentRecord read = ConsentDocuments.toRecord(stored);

        assertThat(read.provisions()).containsExactly(provision);
        assertThat(read.backdating()).isEqualTo(record.backdating());
        assertThat(stored.getList(ConsentDocuments.REVIEW_SOURCES, String.class)).containsExactly("*");
    }

    @Test
    void readsARecordStoredWithEmptyListsAsExplicitAll() {
        Document legacy = new Document("_id", "old").append("revision", 1).append("status", "ACTIVE")
                .append("subjectDigest", "d").append("start", java.util.Date.from(AT)).append("end", null)
                .append("evidence", new Document("kind", "SIGNED_FORM").append("reference", "R").append("witness", null)
                        .append("privacyNoticeVersion", "v1"))
                .append("provisions", List.of(new Document("type", "PERMIT").append("sources", List.of())
                        .append("recipients", List.of("police")).append("purposes", List.of())
                        .append("categories", List.of("HOUSING"))))
                .append("recordedBy", "kw").append("recordedByAgency", "council")
                .append("recordedAt", java.util.Date.from(AT)).append("history", List.of());

        ConsentRecord read = ConsentDocuments.toRecord(legacy);

        Provision p = read.provisions().get(0);
        assertThat(p.sources().all()).isTrue();
        assertThat(p.purposes().all()).isTrue();
        assertThat(p.recipients().values()).containsExactly("police");
        assertThat(p.categories().values()).containsExactly(DataCategory.DATA_CATEGORY_HOUSING);
        assertThat(p.usesExplicitAll()).isTrue();
        assertThat(read.backdating()).isNull();
        assertThat(ConsentDocuments.reviewSources(read.provisions())).containsExactly("*");
    }

    @Test
    void aScopeIsAListOrAllNeverNeitherNorBoth() {
        assertThatThrownBy(() -> Scope.of(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scope<>(true, Set.of("police"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Scope.of(Set.of("police")).covers("housing")).isFalse();
        assertThat(Scope.<String>everything().covers("housing")).isTrue();
    }
}
