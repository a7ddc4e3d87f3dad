package org.goldenthread.federation.linkage;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as linkage tokens see them: upper-case ASCII letters only, in every script.
 *
 * <p>Version 2 (this one): a name whose letters all survive Unicode NFKD with accents stripped and
 * upper-casing as A–Z is normalised exactly as version 1 did (so every token stored before keeps
 * matching: "José", "Müller" → JOSE, MULLER). Any other name goes through ICU4J's
 * {@code Any-Latin; Latin-ASCII} transliteration first, so letters that do not decompose keep a
 * letter (Łukasz → LUKASZ, Søren → SOREN, Đorđević → DORDEVIC) and Cyrillic, Greek or Arabic names
 * give a stable Latin token (Иванов → IVANOV) instead of none. Version 1 dropped those letters
 * ({@link #legacy}); nodes re-tokenise their persons at start, and the hub also asks consent-service
 * with the version-1 token where it differs, so a deny recorded under it still applies.
 * Stable for one ICU version: the ICU version is pinned in the parent pom, and a change to it that
 * changes any of the published test vectors is a new normalisation version.
 */
public final class NameNormaliser {

    /** The normalisation version; recorded with each node person's tokens. */
    public static final int VERSION = 2;

    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private NameNormaliser() {
    }

    /** The name's letters as upper-case A–Z, whatever the script; empty for null or no letters. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String decomposed = decomposedUpper(raw);
        if (onlyAsciiLetters(decomposed)) {
            return decomposed.replaceAll("[^A-Z]", "");
        }
        String latin = TO_ASCII.get().transliterate(Normalizer.normalize(raw, Normalizer.Form.NFC));
        return decomposedUpper(latin).replaceAll("[^A-Z]", "");
    }

    /** Version 1: NFKD, accents stripped, upper case, letters A–Z only; other letters were lost. */
    public static String legacy(String raw) {
        if (raw == null) {
            return "";
        }
        return decomposedUpper(raw).replaceAll("[^A-Z]", "");
    }

    private static String decomposedUpper(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }

    /** True when every letter is A–Z (other characters, such as hyphens and apostrophes, are dropped anyway). */
    private static boolean onlyAsciiLetters(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) && !(cp >= 'A' && cp <= 'Z')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
