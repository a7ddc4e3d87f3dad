package org.goldenthread.federation.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS;
import static org.goldenthread.proto.common.v1.LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkageTokensTest {

    static final LocalDate DOB = LocalDate.of(2007, 3, 14);
    final LinkageTokens linkage = TestKeys.tokens();

    List<LinkageToken> tokens(String nhs, String nino, String family, String given, LocalDate dob, String postcode) {
        return linkage.tokensFor(new PersonIdentifiers(nhs, nino, family, given, dob, postcode));
    }

    static List<LinkageTokenKind> kinds(List<LinkageToken> tokens) {
        return tokens.stream().map(LinkageToken::getKind).toList();
    }

    static String value(List<LinkageToken> tokens, LinkageTokenKind kind) {
        return tokens.stream().filter(t -> t.getKind() == kind).findFirst().orElseThrow().getValue();
    }

    @Test
    void everyIdentifierGivesEveryKind() {
        assertThat(kinds(tokens("9434765919", "AB123456C", "Quill", "Ada", DOB, "LS6 2AB"))).containsExactly(
                LINKAGE_TOKEN_KIND_NHS, LINKAGE_TOKEN_KIND_NINO, LINKAGE_TOKEN_KIND_NAME_DOB,
                LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
    }

    @Test
    void eachKindNeedsItsOwnIdentifiers() {
        assertThat(kinds(tokens("9434765919", null, null, null, null, null))).containsExactly(LINKAGE_TOKEN_KIND_NHS);
        assertThat(kinds(tokens(null, "AB123456C", null, null, null, null))).containsExactly(LINKAGE_TOKEN_KIND_NINO);
        assertThat(kinds(tokens(null, null, "Quill", "Ada", DOB, null))).containsExactly(LINKAGE_TOKEN_KIND_NAME_DOB);
        assertThat(kinds(tokens(null, null, "Quill", "Ada", DOB, "LS6 2AB")))
                .containsExactly(LINKAGE_TOKEN_KIND_NAME_DOB, LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
    }

    @Test
    void namesWithoutDateOfBirthOrWithoutGivenNameGiveNoToken() {
        assertThat(tokens(null, null, "Quill", "Ada", null, "LS6 2AB")).isEmpty();
        assertThat(tokens(null, null, "Quill", null, DOB, "LS6 2AB")).isEmpty();
        assertThat(tokens(null, null, null, "Ada", DOB, "LS6 2AB")).isEmpty();
        assertThat(tokens(null, null, "---", "Ada", DOB, "LS6 2AB")).as("no letters left").isEmpty();
        assertThat(tokens(null, null, null, null, null, "LS6 2AB")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankIdentifiersAreAbsentNotInvalid(String blank) {
        assertThat(kinds(tokens(blank, blank, "Quill", "Ada", DOB, blank))).containsExactly(LINKAGE_TOKEN_KIND_NAME_DOB);
    }

    @Test
    void invalidNhsNumberIsRefusedNamingTheField() {
        assertThatThrownBy(() -> tokens("9434765918", null, "Quill", "Ada", DOB, null))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.field()).isEqualTo("nhsNumber"));
    }

    @Test
    void invalidNationalInsuranceNumberIsRefusedNamingTheField() {
        assertThatThrownBy(() -> tokens(null, "QQ123456C", "Quill", "Ada", DOB, null))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.field()).isEqualTo("nationalInsuranceNumber"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LS6", "NOT A POSTCODE", "LS6 2A", "123 456", "LS6 2ABC"})
    void invalidPostcodeIsRefusedNamingTheField(String postcode) {
        assertThatThrownBy(() -> tokens(null, null, "Quill", "Ada", DOB, postcode))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.field()).isEqualTo("postcode");
                    assertThat(e.getMessage()).doesNotContain(postcode);
                });
    }

    @Test
    void everyTokenCarriesTheKeyId() {
        LinkageTokens other = new LinkageTokens(TestKeys.key("next-key", 9));
        assertThat(other.keyId()).isEqualTo("next-key");
        assertThat(other.tokensFor(new PersonIdentifiers("9434765919", "AB123456C", "Quill", "Ada", DOB, "LS6 2AB")))
                .hasSize(4).allSatisfy(t -> assertThat(t.getKeyId()).isEqualTo("next-key"));
    }

    @Test
    void nhsTokenIsHmacSha256OfKindAndNormalisedNumber() throws Exception {
        // The wire format every member must reproduce: HMAC(key, kind name, 0x00, normalised value).
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestKeys.key("x", 7).secret(), "HmacSHA256"));
        mac.update("LINKAGE_TOKEN_KIND_NHS".getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("9434765919".getBytes(StandardCharsets.UTF_8)));

        assertThat(value(tokens("943 476 5919", null, null, null, null, null), LINKAGE_TOKEN_KIND_NHS)).isEqualTo(expected);
    }

    @Test
    void nameTokenIsOverFamilyGivenAndIsoDate() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestKeys.key("x", 7).secret(), "HmacSHA256"));
        mac.update("LINKAGE_TOKEN_KIND_NAME_DOB".getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("OBRIENQUILL|ZOE|2007-03-14".getBytes(StandardCharsets.UTF_8)));

        assertThat(value(tokens(null, null, "O'Brien-Quill", "Zoë", DOB, null), LINKAGE_TOKEN_KIND_NAME_DOB))
                .isEqualTo(expected);
    }

    @Test
    void fuzzyTokenToleratesSpellingOfFamilyNameGivenNameAfterInitialAndInwardCode() {
        List<LinkageToken> smith = tokens(null, null, "Smith", "Thomas", DOB, "LS6 2AB");
        List<LinkageToken> smyth = tokens(null, null, "Smyth", "Tom", DOB, "LS6 9ZZ");

        assertThat(value(smyth, LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA))
                .isEqualTo(value(smith, LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA));
        assertThat(value(smyth, LINKAGE_TOKEN_KIND_NAME_DOB)).isNotEqualTo(value(smith, LINKAGE_TOKEN_KIND_NAME_DOB));
    }

    @Test
    void fuzzyTokenStillSeparatesDistrictInitialAndDate() {
        String base = value(tokens(null, null, "Smith", "Thomas", DOB, "LS6 2AB"), LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
        assertThat(value(tokens(null, null, "Smith", "Thomas", DOB, "LS7 2AB"), LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA))
                .isNotEqualTo(base);
        assertThat(value(tokens(null, null, "Smith", "Ann", DOB, "LS6 2AB"), LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA))
                .isNotEqualTo(base);
        assertThat(value(tokens(null, null, "Smith", "Thomas", DOB.plusDays(1), "LS6 2AB"),
                LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA)).isNotEqualTo(base);
        assertThat(value(tokens(null, null, "Quill", "Thomas", DOB, "LS6 2AB"), LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA))
                .isNotEqualTo(base);
    }

    @Test
    void strengthFollowsTheKind() {
        assertThat(LinkageTokens.strengthOf(LINKAGE_TOKEN_KIND_NHS)).isEqualTo(MatchStrength.MATCH_STRENGTH_EXACT);
        assertThat(LinkageTokens.strengthOf(LINKAGE_TOKEN_KIND_NINO)).isEqualTo(MatchStrength.MATCH_STRENGTH_EXACT);
        assertThat(LinkageTokens.strengthOf(LINKAGE_TOKEN_KIND_NAME_DOB)).isEqualTo(MatchStrength.MATCH_STRENGTH_STRONG);
        assertThat(LinkageTokens.strengthOf(LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA))
                .isEqualTo(MatchStrength.MATCH_STRENGTH_POSSIBLE);
        assertThat(LinkageTokens.strengthOf(LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED))
                .isEqualTo(MatchStrength.MATCH_STRENGTH_UNSPECIFIED);
        assertThat(LinkageTokens.strengthOf(LinkageTokenKind.UNRECOGNIZED))
                .isEqualTo(MatchStrength.MATCH_STRENGTH_UNSPECIFIED);
    }

    @Test
    void linkageKeyRefusesShortSecretsAndNeverPrintsTheSecret() {
        assertThatThrownBy(() -> new LinkageKey("k", new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkageKey(" ", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        LinkageKey key = LinkageKey.fromBase64("k1", Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(key.keyId()).isEqualTo("k1");
        assertThat(key.toString()).isEqualTo("LinkageKey[k1]");
        assertThat(new PersonIdentifiers("9434765919", null, "Quill", "Ada", DOB, null).toString())
                .doesNotContain("9434765919").doesNotContain("Quill");
    }
}
