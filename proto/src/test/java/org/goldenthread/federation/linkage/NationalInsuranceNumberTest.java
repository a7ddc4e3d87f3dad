package org.goldenthread.federation.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalInsuranceNumberTest {

    private static String normalise(String raw) {
        return NationalInsuranceNumber.normalise(raw, "nationalInsuranceNumber");
    }

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> normalise(raw))
                .as(raw)
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.field()).isEqualTo("nationalInsuranceNumber"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "JG103759A", "ZY000000D", "CE999999B", "OA123456A", "NA123456A"})
    void acceptsWellFormedNumbers(String nino) {
        assertThat(normalise(nino)).isEqualTo(nino);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab123456c", "AB 12 34 56 C", " ab 123456 c ", "Ab12\t34\t56c"})
    void acceptsLowerCaseAndSpacesAndNormalisesThem(String nino) {
        assertThat(normalise(nino)).isEqualTo("AB123456C");
    }

    @ParameterizedTest
    @ValueSource(chars = {'D', 'F', 'I', 'Q', 'U', 'V'})
    void neverUsesTheseLettersFirst(char letter) {
        assertRejected(letter + "A123456A");
    }

    @ParameterizedTest
    @ValueSource(chars = {'D', 'F', 'I', 'Q', 'U', 'V', 'O'})
    void neverUsesTheseLettersSecond(char letter) {
        assertRejected("A" + letter + "123456A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})
    void neverAllocatesThesePrefixes(String prefix) {
        assertRejected(prefix + "123456A");
        assertRejected(prefix.toLowerCase() + "123456a");
    }

    @Test
    void theUnallocatedPrefixesDoNotExcludeTheirNeighbours() {
        assertThat(normalise("BH123456A")).isEqualTo("BH123456A");
        assertThat(normalise("GA123456A")).isEqualTo("GA123456A");
        assertThat(normalise("NL123456A")).isEqualTo("NL123456A");
        assertThat(normalise("ZY123456A")).isEqualTo("ZY123456A");
    }

    @ParameterizedTest
    @ValueSource(chars = {'E', 'F', 'Z', '1'})
    void suffixIsAToD(char suffix) {
        assertRejected("AB123456" + suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AB12345C", "AB1234567C", "AB123456", "A1234567C", "123456789", "AB-123456-C", "AB12345CC"})
    void rejectsAnythingButTwoLettersSixDigitsAndALetter(String nino) {
        assertRejected(nino);
    }

    @Test
    void rejectionNeverRepeatsTheValue() {
        assertThatThrownBy(() -> normalise("QQ123456C"))
                .isInstanceOf(InvalidIdentifierException.class)
                .message().doesNotContain("QQ123456C").doesNotContain("123456");
    }
}
