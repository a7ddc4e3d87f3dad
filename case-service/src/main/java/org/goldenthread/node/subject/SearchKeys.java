package org.goldenthread.node.subject;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The keys a person is filed under for the staff's search: for each family name (current and
 * previous), its Double Metaphone codes (primary and alternate) with the given name's initial; the
 * date of birth; the NHS and National Insurance numbers. A name spelt differently but said alike
 * shares a code, so the index finds it; the search then ranks candidates by edit distance. Why the
 * initial: a key's posting list is one document rewritten on every save, so no key may be shared
 * by a large part of the population (a bare "SMITH" would be 1% of a million persons).
 */
public final class SearchKeys {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private SearchKeys() {
    }

    static List<String> of(SubjectDetails d) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> given = words(nonNull(d.givenName()));
        char initial = given.isEmpty() ? '_' : given.get(0).charAt(0);
        List<String> families = new java.util.ArrayList<>(words(nonNull(d.familyName())));
        d.previousNames().forEach(n -> families.addAll(words(n)));
        families.forEach(family -> keys.addAll(forName(family, initial)));
        if (d.dateOfBirth() != null) {
            keys.add(forDateOfBirth(d.dateOfBirth().toString()));
        }
        if (d.nhsNumber() != null) {
            keys.add(forIdentifier(d.nhsNumber()));
        }
        if (d.nationalInsuranceNumber() != null) {
            keys.add(forIdentifier(d.nationalInsuranceNumber()));
        }
        return List.copyOf(keys);
    }

    /** Every name of the person, normalised: family, given and previous family names. */
    static List<String> names(SubjectDetails d) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : List.of(nonNull(d.familyName()), nonNull(d.givenName()))) {
            names.addAll(words(name));
        }
        d.previousNames().forEach(n -> names.addAll(words(n)));
        return List.copyOf(names);
    }

    /** The keys of a family name said like {@code family} with a given name starting {@code initial}. */
    static Set<String> forName(String family, char initial) {
        Set<String> keys = new LinkedHashSet<>();
        for (String code : phonetic(family)) {
            keys.add("name:" + code + "|" + initial);
        }
        return keys;
    }

    /** The keys of a family name said like {@code family}, whatever the given name. */
    static Set<String> forFamilyName(String family) {
        Set<String> keys = new LinkedHashSet<>();
        for (char initial = 'A'; initial <= 'Z'; initial++) {
            keys.addAll(forName(family, initial));
        }
        keys.addAll(forName(family, '_'));
        return keys;
    }

    private static Set<String> phonetic(String word) {
        Set<String> codes = new LinkedHashSet<>();
        String primary = METAPHONE.doubleMetaphone(word);
        String alternate = METAPHONE.doubleMetaphone(word, true);
        if (primary != null && !primary.isEmpty()) {
            codes.add(primary);
        }
        if (alternate != null && !alternate.isEmpty()) {
            codes.add(alternate);
        }
        return codes;
    }

    static String forDateOfBirth(String isoDate) {
        return "dob:" + isoDate;
    }

    /** NHS numbers and NI numbers share one key space: digits or letters, upper case, no spaces. */
    static String forIdentifier(String identifier) {
        return "id:" + identifier.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** Upper-case words of letters only, accents stripped (as the linkage normalisation does). */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").trim();
        return plain.isEmpty() ? List.of() : List.of(plain.split(" "));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
