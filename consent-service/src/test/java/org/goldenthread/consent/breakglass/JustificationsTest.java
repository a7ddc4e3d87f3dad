package org.goldenthread.consent.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each branch of the justification rule, refused and accepted. */
class JustificationsTest {

    @ParameterizedTest(name = "{1}: \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "urgent, trust me                    | TOO_SHORT",
            "'   short but padded      '         | TOO_SHORT",
            "aaaaaaaaaaaaaaaaaaaaaaaaa           | REPEATED",
            "test test test test test test       | REPEATED",
            "Test. TEST, test; test - test!      | REPEATED",
            "n/a n/a n/a n/a n/a n/a n/a         | REPEATED",
            "abcabcabcabcabcabcabcabc            | REPEATED",
            "home.risk.child.knife.home.risk.child.knife | REPEATED",
            "abab baba abba aabb abab baab       | FEW_LETTERS",
            "see see see sea sea sees seas       | FEW_LETTERS",
            "asdfgh police needed at the house now | KEYBOARD_RUN",
            "qwerty qwerty uiop child risk home  | KEYBOARD_RUN",
            "lkjhg the child is at home          | KEYBOARD_RUN",
            "asdf the child is at home with him now | KEYBOARD_RUN",
            "child at risk, mother missing, fdsa    | KEYBOARD_RUN",
            "lorem ipsum dolor sit amet consectetur | PLACEHOLDER",
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore | PLACEHOLDER",
            "the dolor sit amet of the child at home | PLACEHOLDER",
            "testing the system testing 12345678 | FEW_WORDS",
            "sdf jkl; ert jkl; xcv bnm, wer, yui | FEW_WORDS",
            "xkcd brr pfft hmm zzz grr shh tsk   | FEW_WORDS",
            "n/a, see above, tbc, blah blah      | FEW_WORDS",
    })
    void refuses(String text, JustificationProblem expected) {
        assertThat(Justifications.problemWith(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "children at immediate risk after a reported assault; no consent obtainable",
            "child at immediate risk, no consent obtainable",
            "DV incident ref CR12345678, kids at home, mum injured",
            "mother threatened kids with a knife tonight",
            "Property on fire, family missing, need known addresses",
            "Enfant en danger immédiat, mère injoignable, police sur place",
    })
    void acceptsWhatAPersonWrote(String text) {
        assertThat(Justifications.problemWith(text)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Child at risk: mother unreachable!  | child at risk mother unreachable",
            "CHILD  AT\tRISK, MOTHER UNREACHABLE | Child at risk - mother unreachable.",
    })
    void normalisesCaseSpaceAndPunctuationAlike(String one, String other) {
        assertThat(Justifications.normalised(one)).isEqualTo(Justifications.normalised(other))
                .isEqualTo("childatriskmotherunreachable");
    }
}
