package org.goldenthread.federation.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137"})
    void acceptsValidNumbers(String number) {
        assertThat(NhsNumber.normalise(number, "nhsNumber")).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "943-476-5919", " 943 476-5919 ", "943\t476\t5919"})
    void removesSpacesAndHyphens(String number) {
        assertThat(NhsNumber.normalise(number, "nhsNumber")).isEqualTo("9434765919");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9434765910", "4010232138", "4010232136"})
    void rejectsAWrongCheckDigit(String number) {
        assertThatThrownBy(() -> NhsNumber.normalise(number, "nhsNumber"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "943476591", "94347659190", "943476591A", "9434.765919", "９４３４７６５９１９"})
    void rejectsAnythingButTenDigits(String number) {
        assertThatThrownBy(() -> NhsNumber.normalise(number, "nhsNumber"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("10 digits");
    }

    @Test
    void neverAcceptsAPrefixWhoseCheckDigitWouldBeTen() {
        // 1*10 + 2*9 + 3*8 + 4*7 + 5*6 + 6*5 + 7*4 + 8*3 + 9*2 = 210 = 19*11 + 1: check 11-1 = 10.
        for (int last = 0; last <= 9; last++) {
            String number = "123456789" + last;
            assertThat(NhsNumber.hasValidCheckDigit(number)).as(number).isFalse();
            assertThatThrownBy(() -> NhsNumber.normalise(number, "nhsNumber"))
                    .isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Test
    void remainderZeroGivesCheckDigitZero() {
        // 10+9+8+7+6+5+4+3+2 = 54 for all ones: 54 % 11 = 10, check 1; "000000000" sums to 0: check 0.
        assertThat(NhsNumber.hasValidCheckDigit("1111111111")).isTrue();
        assertThat(NhsNumber.hasValidCheckDigit("0000000000")).isTrue();
        assertThat(NhsNumber.hasValidCheckDigit("0000000001")).isFalse();
    }

    @Test
    void exactlyOneCheckDigitIsValidForAnOrdinaryPrefix() {
        long valid = java.util.stream.IntStream.rangeClosed(0, 9)
                .filter(d -> NhsNumber.hasValidCheckDigit("943476591" + d)).count();
        assertThat(valid).isOne();
    }

    @Test
    void rejectionNamesTheFieldAndNeverRepeatsTheValue() {
        assertThatThrownBy(() -> NhsNumber.normalise("9434765918", "subject.nhsNumber"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.field()).isEqualTo("subject.nhsNumber");
                    assertThat(e.getMessage()).doesNotContain("9434765918").doesNotContain("943");
                });
    }
}
