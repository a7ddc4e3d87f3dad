package org.goldenthread.consent.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.*;

import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.consent.consent.SubjectTokens;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.junit.jupiter.api.Test;

/** The resolver's rules, one situation each (the property test covers their combinations). */
class ConsentResolverTest {

    static LinkageToken token(LinkageTokenKind kind, String value) {
        return LinkageToken.newBuilder().setKind(kind).setKeyId("k1").setValue(value).build();
    }

    static final LinkageToken NHS_A = token(LINKAGE_TOKEN_KIND_NHS, "nhs-a");
    static final LinkageToken NHS_B = token(LINKAGE_TOKEN_KIND_NHS, "nhs-b");
    static final LinkageToken NINO_A = token(LINKAGE_TOKEN_KIND_NINO, "nino-a");
    static final LinkageToken NAME_A = token(LINKAGE_TOKEN_KIND_NAME_DOB, "name-a");
    static final LinkageToken NAME_B = token(LINKAGE_TOKEN_KIND_NAME_DOB, "name-b");
    static final LinkageToken NAME_A_V1 = token(LINKAGE_TOKEN_KIND_NAME_DOB, "name-a-v1");

    static FiledConsent filed(String id, LinkageToken... tokens) {
        return new FiledConsent(new ConsentRecord(id, 1, ConsentStatus.ACTIVE, "digest", Instant.EPOCH, null,
                new Evidence(EvidenceKind.SIGNED_FORM, "CF-" + id, null, "v3"), List.of(), "kw", "council",
                Instant.parse("2026-01-01T00:00:00Z"), null, List.of()), List.of(tokens));
    }

    static PersonConsents resolve(List<LinkageToken> request, List<LinkageToken> legacy, FiledConsent... records) {
        return new ConsentResolver(new InMemoryConsentIndex(List.of(records)), 100, 8).resolve(request, legacy);
    }

    static List<String> ids(List<ConsentRecord> records) {
        return records.stream().map(ConsentRecord::id).toList();
    }

    @Test
    void permitsOnlyFromRecordsSharingATokenWithTheRequestAndDeniesFromEveryLinkedOne() {
        PersonConsents found = resolve(List.of(NAME_A), List.of(), filed("by-name", NAME_A),
                filed("link", NAME_A, NHS_A), filed("by-nhs", NHS_A), filed("by-nino", NHS_A, NINO_A),
                filed("nino-only", NINO_A), filed("someone-else", NHS_B));

        assertThat(found.status()).isEqualTo(PersonConsents.Status.RESOLVED);
        assertThat(ids(found.permitting())).containsExactlyInAnyOrder("by-name", "link");
        assertThat(ids(found.denyOnly())).containsExactlyInAnyOrder("by-nhs", "by-nino", "nino-only");
        assertThat(found.anchorsOf(List.of("link"))).containsExactly(LINKAGE_TOKEN_KIND_NAME_DOB);
    }

    @Test
    void recordsTiedToTheRequestByDifferentIdentifiersOnlyPermitThroughTheStrongest() {
        // A's NHS number with B's name: one record knows A by NHS number alone, another B by name alone.
        PersonConsents found = resolve(List.of(NHS_A, NAME_B), List.of(), filed("a-by-nhs", NHS_A),
                filed("b-by-name", NAME_B));

        assertThat(found.status()).isEqualTo(PersonConsents.Status.RESOLVED);
        assertThat(ids(found.permitting())).containsExactly("a-by-nhs");
        assertThat(ids(found.denyOnly())).containsExactly("b-by-name");
        assertThat(found.anchorsOf(List.of("a-by-nhs"))).containsExactly(LINKAGE_TOKEN_KIND_NHS);
        assertThat(ids(resolve(List.of(NHS_A, NAME_A), List.of(), filed("by-nhs", NHS_A), filed("both", NHS_A, NAME_A))
                .permitting())).as("records sharing the NHS number between them both permit")
                .containsExactlyInAnyOrder("by-nhs", "both");
    }

    @Test
    void aRecordSharingOneIdentifierAndContradictingAnotherIsADisagreementNamingBothKinds() {
        PersonConsents found = resolve(List.of(NHS_A, NAME_B), List.of(), filed("a", NHS_A, NAME_A),
                filed("b", NHS_B, NAME_B));

        assertThat(found.status()).isEqualTo(PersonConsents.Status.IDENTIFIERS_DISAGREE);
        assertThat(found.disagreeing()).containsExactlyInAnyOrder(LINKAGE_TOKEN_KIND_NHS, LINKAGE_TOKEN_KIND_NAME_DOB);
        assertThat(found.permitting()).isEmpty();
    }

    @Test
    void aRecordUnderTheLegacyNameIsNoDisagreementButOnlyDenies() {
        PersonConsents found = resolve(List.of(NHS_A, NAME_A), List.of(NAME_A_V1), filed("old", NHS_A, NAME_A_V1),
                filed("old-name-only", NAME_A_V1));

        assertThat(found.status()).isEqualTo(PersonConsents.Status.RESOLVED);
        assertThat(found.permitting()).isEmpty();
        assertThat(ids(found.denyOnly())).containsExactlyInAnyOrder("old", "old-name-only");
        assertThat(resolve(List.of(NHS_A, NAME_A), List.of(), filed("old", NHS_A, NAME_A_V1)).status())
                .as("without the legacy token the record contradicts the name").isEqualTo(PersonConsents.Status.IDENTIFIERS_DISAGREE);
    }

    @Test
    void namesakesUnderOneNameAndDateOfBirthPermitNothingByNameAlone() {
        PersonConsents byName = resolve(List.of(NAME_A), List.of(), filed("a", NHS_A, NAME_A), filed("b", NHS_B, NAME_A));
        PersonConsents byNhs = resolve(List.of(NHS_A), List.of(), filed("a", NHS_A, NAME_A), filed("b", NHS_B, NAME_A));

        assertThat(byName.namesakes()).isTrue();
        assertThat(byName.permitting()).isEmpty();
        assertThat(ids(byName.denyOnly())).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(byNhs.permitting())).containsExactly("a");
        assertThat(ids(byNhs.denyOnly())).as("linked through the name").containsExactly("b");
    }

    @Test
    void exceedingEitherBoundIsTooManyNeverAPart() {
        FiledConsent[] chain = {filed("1", NAME_A), filed("2", NAME_A, NHS_A), filed("3", NHS_A, NINO_A),
                filed("4", NINO_A)};
        var index = new InMemoryConsentIndex(List.of(chain));

        assertThat(new ConsentResolver(index, 3, 8).resolve(List.of(NAME_A), List.of()))
                .satisfies(p -> assertThat(p.status()).isEqualTo(PersonConsents.Status.TOO_MANY))
                .satisfies(p -> assertThat(p.permitting()).isEmpty());
        assertThat(new ConsentResolver(index, 100, 2).resolve(List.of(NAME_A), List.of()).status())
                .as("links left after two look-ups").isEqualTo(PersonConsents.Status.TOO_MANY);
        assertThat(new ConsentResolver(index, 4, 4).resolve(List.of(NAME_A), List.of()).found()).isEqualTo(4);
    }

    @Test
    void storedTokenKeysReadBackAsTheTokens() {
        List<LinkageToken> tokens = List.of(NHS_A, NINO_A, NAME_A);

        assertThat(SubjectTokens.keys(tokens).stream().map(SubjectTokens::token).toList()).isEqualTo(tokens);
        assertThat(SubjectTokens.token("DNA|k1|x")).isNull();
        assertThat(SubjectTokens.token("NHS")).isNull();
    }
}
