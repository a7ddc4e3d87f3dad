package org.goldenthread.node.subject;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The keys a person is filed under for the staff's search: the Double Metaphone codes (primary and
 * alternate) of every name, the date of birth, and the NHS and National Insurance numbers. A name
 * spelt differently but said alike shares a code, so the index finds it; the search then ranks
 * the candidates by edit distance.
 */
public final class SearchKeys {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private SearchKeys() {
    }

    static List<String> of(SubjectDetails d) {
        Set<String> keys = new LinkedHashSet<>();
        names(d).forEach(name -> keys.addAll(forName(name)));
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

    static Set<String> forName(String word) {
        Set<String> keys = new LinkedHashSet<>();
        String primary = METAPHONE.doubleMetaphone(word);
        String alternate = METAPHONE.doubleMetaphone(word, true);
        if (primary != null && !primary.isEmpty()) {
            keys.add("name:" + primary);
        }
        if (alternate != null && !alternate.isEmpty()) {
            keys.add("name:" + alternate);
        }
        return keys;
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
