package org.goldenthread.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.goldenthread.federation.Vocabulary.UnknownTermException;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

    @ParameterizedTest
    @EnumSource(value = DataCategory.class, mode = Mode.EXCLUDE, names = {"DATA_CATEGORY_UNSPECIFIED", "UNRECOGNIZED"})
    void everyCategoryRoundTripsThroughItsShortName(DataCategory category) {
        String name = Vocabulary.name(category);
        assertThat(name).isEqualTo(category.name().substring("DATA_CATEGORY_".length()));
        assertThat(Vocabulary.category(name)).isEqualTo(category);
    }

    @ParameterizedTest
    @EnumSource(value = Purpose.class, mode = Mode.EXCLUDE, names = {"PURPOSE_UNSPECIFIED", "UNRECOGNIZED"})
    void everyPurposeRoundTripsThroughItsShortName(Purpose purpose) {
        String name = Vocabulary.name(purpose);
        assertThat(name).isEqualTo(purpose.name().substring("PURPOSE_".length()));
        assertThat(Vocabulary.purpose(name)).isEqualTo(purpose);
    }

    @ParameterizedTest
    @EnumSource(value = LawfulBasis.class, mode = Mode.EXCLUDE, names = {"LAWFUL_BASIS_UNSPECIFIED", "UNRECOGNIZED"})
    void everyBasisRoundTripsThroughItsShortName(LawfulBasis basis) {
        String name = Vocabulary.name(basis);
        assertThat(name).isEqualTo(basis.name().substring("LAWFUL_BASIS_".length()));
        assertThat(Vocabulary.basis(name)).isEqualTo(basis);
    }

    @Test
    void shortNamesAreTheOnesInTheArchitecture() {
        assertThat(Vocabulary.name(DataCategory.DATA_CATEGORY_HEALTH_MENTAL)).isEqualTo("HEALTH_MENTAL");
        assertThat(Vocabulary.name(Purpose.PURPOSE_EARLY_HELP_ASSESSMENT)).isEqualTo("EARLY_HELP_ASSESSMENT");
        assertThat(Vocabulary.name(LawfulBasis.LAWFUL_BASIS_VITAL_INTERESTS)).isEqualTo("VITAL_INTERESTS");
        assertThat(Vocabulary.category("SAFEGUARDING")).isEqualTo(DataCategory.DATA_CATEGORY_SAFEGUARDING);
        assertThat(Vocabulary.purpose("SAFEGUARDING")).isEqualTo(Purpose.PURPOSE_SAFEGUARDING);
    }

    @Test
    void inputIsCaseInsensitiveAndTrimmed() {
        assertThat(Vocabulary.category("health_mental")).isEqualTo(DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
        assertThat(Vocabulary.category(" Domestic_Abuse ")).isEqualTo(DataCategory.DATA_CATEGORY_DOMESTIC_ABUSE);
        assertThat(Vocabulary.purpose("coordination")).isEqualTo(Purpose.PURPOSE_COORDINATION);
        assertThat(Vocabulary.basis("public_task")).isEqualTo(LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "UNSPECIFIED", "unspecified", "UNRECOGNIZED", "HEALTH", "HEALTH-MENTAL",
            "DATA_CATEGORY_CRIME", "PURPOSE_COORDINATION", "LAWFUL_BASIS_CONSENT", "1"})
    void refusesAnythingOutsideTheVocabulary(String name) {
        assertUnknown(Vocabulary::category, name, "data category");
        assertUnknown(Vocabulary::purpose, name, "purpose");
        assertUnknown(Vocabulary::basis, name, "lawful basis");
    }

    @Test
    void termsOfOneListAreNotAcceptedForAnother() {
        assertUnknown(Vocabulary::purpose, "HOUSING", "purpose");
        assertUnknown(Vocabulary::category, "COORDINATION", "data category");
        assertUnknown(Vocabulary::basis, "SAFEGUARDING", "lawful basis");
    }

    @Test
    void messageShowsAnAbbreviatedValue() {
        String longName = "X".repeat(100);
        assertThatThrownBy(() -> Vocabulary.category(longName))
                .isInstanceOf(UnknownTermException.class)
                .hasMessageContaining("X".repeat(40) + "…")
                .message().doesNotContain("X".repeat(41));
    }

    @Test
    void anEnumValueFromANewerPeerHasNoShortName() {
        // A proto enum number this build does not know arrives as UNRECOGNIZED: refuse it, never invent a name.
        assertThatThrownBy(() -> Vocabulary.name(DataCategory.UNRECOGNIZED)).isInstanceOf(UnknownTermException.class);
        assertThatThrownBy(() -> Vocabulary.name(Purpose.UNRECOGNIZED)).isInstanceOf(UnknownTermException.class);
        assertThatThrownBy(() -> Vocabulary.name(LawfulBasis.UNRECOGNIZED)).isInstanceOf(UnknownTermException.class);
    }

    private static void assertUnknown(Function<String, ?> parse, String name, String term) {
        assertThatThrownBy(() -> parse.apply(name))
                .as("'%s' as %s", name, term)
                .isInstanceOfSatisfying(UnknownTermException.class, e -> assertThat(e.term()).isEqualTo(term));
    }
}
