package org.goldenthread.federation.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published name-normalisation vectors (version 2, docs/one-person.md): every member of the
 * federation must reproduce them. A change of ICU version that changes any of them is a new
 * normalisation version, not an upgrade.
 */
class NameNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // Polish
            "Łukasz|LUKASZ", "Wójcik|WOJCIK", "Żółć|ZOLC",
            // Nordic
            "Søren|SOREN", "Ærø|AERO", "Åsa|ASA", "Björk|BJORK", "Þóra|THORA",
            // South Slavic
            "Đorđević|DORDEVIC", "Šćepanović|SCEPANOVIC",
            // Cyrillic
            "Иванов|IVANOV", "Щукина|SUKINA", "Юлия|ULIA",
            // Greek
            "Παπαδόπουλος|PAPADOPOULOS", "Χρήστος|CHRESTOS",
            // Arabic
            "محمد|MHMD", "عبد الله|BDALLH",
            // hyphenated, apostrophes, particles
            "Smith-Jones|SMITHJONES", "O'Brien|OBRIEN", "D’Arcy|DARCY", "van der Berg|VANDERBERG",
            // Latin letters that always decomposed: unchanged from version 1
            "José|JOSE", "Müller|MULLER", "Nguyễn|NGUYEN", "Straße|STRASSE", "Siân|SIAN", "ﬁnn|FINN",
            // Han
            "黄|HUANG"})
    void publishedVectors(String name, String normalised) {
        assertThat(NameNormaliser.normalise(name)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0}: version 1 gave {1}")
    @CsvSource(delimiter = '|', value = {"Łukasz|UKASZ", "Søren|SREN", "Đorđević|OREVIC", "Иванов|''", "Ærø|R"})
    void versionOneLostLetters(String name, String legacy) {
        assertThat(NameNormaliser.legacy(name)).isEqualTo(legacy == null ? "" : legacy);
        assertThat(NameNormaliser.normalise(name)).isNotEqualTo(NameNormaliser.legacy(name));
    }

    @Property(tries = 2000)
    void aNameVersionOneKeptWholeNormalisesExactlyAsBefore(
            @ForAll @StringLength(min = 1, max = 20) @Chars({'a', 'B', 'z', 'Q', 'é', 'Ü', 'ñ', 'ç', 'Å', 'ô', '\'', '-', ' ', 'ß'})
            String name) {
        // Stored tokens keep matching: whatever version 1 normalised without losing a letter is unchanged.
        assertThat(NameNormaliser.normalise(name)).isEqualTo(NameNormaliser.legacy(name));
    }

    @Test
    void everyScriptGivesANameToken() {
        var tokens = TestKeys.tokens().tokensFor(new PersonIdentifiers(null, null, "Иванов", "Юлия",
                LocalDate.of(1990, 1, 2), "NS1 4AB"));
        assertThat(tokens).extracting(t -> t.getKind()).containsExactly(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB,
                LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA);
        var latin = TestKeys.tokens().tokensFor(new PersonIdentifiers(null, null, "Ivanov", "Ulia",
                LocalDate.of(1990, 1, 2), "NS1 4AB"));
        assertThat(tokens).as("the Cyrillic name and its transliteration are one token").isEqualTo(latin);
    }

    @Test
    void legacyTokensOnlyWhereVersionOneDiffered() {
        LinkageTokens linkage = TestKeys.tokens();
        assertThat(linkage.legacyTokensFor(new PersonIdentifiers(null, null, "Hale", "Tom", LocalDate.of(2007, 3, 14),
                null))).isEmpty();
        var lukasz = new PersonIdentifiers(null, null, "Łukasiewicz", "Łukasz", LocalDate.of(1980, 5, 6), null);
        assertThat(linkage.legacyTokensFor(lukasz)).singleElement()
                .satisfies(t -> assertThat(t.getKind()).isEqualTo(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB))
                .isNotIn(linkage.tokensFor(lukasz));
        assertThat(linkage.legacyTokensFor(new PersonIdentifiers(null, null, "Иванов", "Юлия",
                LocalDate.of(1990, 1, 2), null))).as("version 1 gave no token at all").isEmpty();
    }
}
