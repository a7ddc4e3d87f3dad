package org.goldenthread.consent.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Text made of one thing over and over says nothing, however long: any string of one repeated
 * character, and any one word repeated (with any separators, any case), is refused.
 */
class JustificationsPropertyTest {

    @Property(tries = 2000)
    void oneRepeatedCharacterIsAlwaysRefused(@ForAll char c, @ForAll @IntRange(min = 0, max = 3000) int times) {
        String text = String.valueOf(c).repeat(times);

        assertThat(Justifications.problemWith(text)).as("%d × U+%04X", times, (int) c).isPresent();
    }

    @Property(tries = 2000)
    void oneRepeatedWordIsAlwaysRefused(@ForAll("words") String word, @ForAll @IntRange(min = 1, max = 200) int times,
            @ForAll("separators") String separator, @ForAll boolean shout) {
        String repeated = String.join(separator, Collections.nCopies(times, shout ? word.toUpperCase() : word));

        assertThat(Justifications.problemWith(repeated)).as(repeated).isPresent();
        assertThat(Justifications.problemWith("  " + repeated + separator)).isPresent();
    }

    @Provide
    Arbitrary<String> words() {
        // Letters of English and beyond (accents, Greek, Cyrillic): a word is a run of letters.
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('à', 'ÿ')
                .withCharRange('α', 'ω').withCharRange('а', 'я').ofMinLength(1).ofMaxLength(40)
                .filter(w -> w.chars().allMatch(Character::isLetter));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "  ", ", ", ". ", "; ", "\n", "\t", "-", "/", "! ", " - ", "...", "");
    }
}
