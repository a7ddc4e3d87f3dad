package org.goldenthread.federation.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * Properties of linkage tokens (jqwik). Named *Test so Surefire's default includes pick it up.
 */
class LinkageTokensPropertiesTest {

    private static final int TRIES = 200;
    private final LinkageTokens linkage = TestKeys.tokens();

    private List<LinkageToken> tokens(String nhs, String family, String given, LocalDate dob, String postcode) {
        return linkage.tokensFor(new PersonIdentifiers(nhs, null, family, given, dob, postcode));
    }

    @Property(tries = TRIES)
    void caseNeverChangesATokenUnderTheNames(@ForAll("names") String family, @ForAll("names") String given,
            @ForAll("dates") LocalDate dob, @ForAll("postcodes") String postcode) {
        assertThat(tokens(null, family.toLowerCase(Locale.ROOT), given.toUpperCase(Locale.ROOT), dob,
                postcode.toLowerCase(Locale.ROOT)))
                .isEqualTo(tokens(null, family.toUpperCase(Locale.ROOT), given.toLowerCase(Locale.ROOT), dob, postcode))
                .hasSize(2);
    }

    @Property(tries = TRIES)
    void punctuationAndSpacesInsideNamesAreIgnored(@ForAll("names") String family, @ForAll("names") String given,
            @ForAll("dates") LocalDate dob, @ForAll("separators") String separator, @ForAll("postcodes") String postcode) {
        String brokenFamily = family.charAt(0) + separator + family.substring(1);
        String brokenGiven = " " + given.substring(0, given.length() / 2) + separator + given.substring(given.length() / 2);
        assertThat(tokens(null, brokenFamily, brokenGiven, dob, postcode)).isEqualTo(tokens(null, family, given, dob, postcode));
    }

    @Example
    void accentsAreStripped() {
        LocalDate dob = LocalDate.of(2010, 1, 2);
        assertThat(tokens(null, "Brontë", "Zoë", dob, "YO1 7HH")).isEqualTo(tokens(null, "BRONTE", "ZOE", dob, "YO1 7HH"));
        assertThat(tokens(null, "Núñez", "José", dob, null)).isEqualTo(tokens(null, "NUNEZ", "jose", dob, null));
        assertThat(tokens(null, "Brontë", "Zoë", dob, null)).as("the letter is kept, only the accent goes")
                .isNotEqualTo(tokens(null, "Bront", "Zo", dob, null));
    }

    @Property(tries = TRIES)
    void spacesInPostcodeAreIgnored(@ForAll("postcodes") String postcode, @ForAll("dates") LocalDate dob) {
        String compact = postcode.replace(" ", "");
        String spaced = String.join(" ", compact.split(""));
        assertThat(tokens(null, "Quill", "Ada", dob, spaced)).isEqualTo(tokens(null, "Quill", "Ada", dob, compact));
    }

    @Property(tries = TRIES)
    void spacesAndHyphensInNhsNumberAreIgnored(@ForAll("nhsNumbers") String nhs, @ForAll("nhsSeparators") String separator) {
        String grouped = " " + nhs.substring(0, 3) + separator + nhs.substring(3, 6) + separator + nhs.substring(6) + " ";
        assertThat(tokens(grouped, null, null, null, null)).isEqualTo(tokens(nhs, null, null, null, null)).hasSize(1);
    }

    @Property(tries = TRIES)
    void differentKeysGiveDifferentTokens(@ForAll("nhsNumbers") String nhs, @ForAll("secrets") byte[] a,
            @ForAll("secrets") byte[] b) {
        if (java.util.Arrays.equals(a, b)) {
            return;
        }
        PersonIdentifiers person = new PersonIdentifiers(nhs, null, "Quill", "Ada", LocalDate.of(2001, 1, 1), "LS6 2AB");
        List<LinkageToken> underA = new LinkageTokens(new LinkageKey("a", a)).tokensFor(person);
        List<LinkageToken> underB = new LinkageTokens(new LinkageKey("b", b)).tokensFor(person);
        for (int i = 0; i < underA.size(); i++) {
            assertThat(underA.get(i).getValue()).isNotEqualTo(underB.get(i).getValue());
            assertThat(underA.get(i).getKeyId()).isEqualTo("a");
            assertThat(underB.get(i).getKeyId()).isEqualTo("b");
        }
    }

    @Property(tries = TRIES)
    void tokensOfDifferentKindsNeverCollideAndAreBase64urlOf32Bytes(@ForAll("nhsNumbers") String nhs,
            @ForAll("names") String family, @ForAll("names") String given, @ForAll("dates") LocalDate dob,
            @ForAll("postcodes") String postcode) {
        List<LinkageToken> all = linkage.tokensFor(new PersonIdentifiers(nhs, "AB123456C", family, given, dob, postcode));
        assertThat(all).hasSize(4);
        Set<String> values = all.stream().map(LinkageToken::getValue).collect(Collectors.toSet());
        assertThat(values).hasSize(4);
        assertThat(all).allSatisfy(t -> {
            assertThat(t.getValue()).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(t.getValue())).hasSize(32);
        });
    }

    @Property(tries = TRIES)
    void differentNhsNumbersGiveDifferentTokens(@ForAll("nhsNumbers") String a, @ForAll("nhsNumbers") String b) {
        if (a.equals(b)) {
            return;
        }
        assertThat(tokens(a, null, null, null, null)).isNotEqualTo(tokens(b, null, null, null, null));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "-", "'", "  ", " - ");
    }

    @Provide
    Arbitrary<String> nhsSeparators() {
        return Arbitraries.of("", " ", "-", " - ", "\t");
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1920, 1, 1).toEpochDay(), LocalDate.of(2025, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<String> postcodes() {
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> digit = Arbitraries.strings().numeric().ofLength(1);
        Arbitrary<String> inwardLetters = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
        return Combinators.combine(letters, digit, digit, inwardLetters)
                .as((area, district, sector, unit) -> area + district + " " + sector + unit);
    }

    @Provide
    Arbitrary<String> nhsNumbers() {
        return Arbitraries.strings().numeric().ofLength(9)
                .filter(prefix -> checkDigit(prefix) != 10)
                .map(prefix -> prefix + checkDigit(prefix));
    }

    /** Modulus 11 with weights 10..2, written out independently of the code under test. */
    private static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        return (11 - sum % 11) % 11;
    }

    @Provide
    Arbitrary<byte[]> secrets() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }
}
