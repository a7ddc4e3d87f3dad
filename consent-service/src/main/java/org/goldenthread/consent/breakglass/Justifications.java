package org.goldenthread.consent.breakglass;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a break-glass justification reads like something a person wrote about this emergency
 * (issue 14). A DPO reviews every session afterwards, but only what is written can be reviewed:
 * "asdfasdfasdfasdfasdf" or "test test test test" says nothing and would still pass a length check.
 * The rule, in order, first failure wins (the README states the same):
 *
 * <ol>
 *   <li>at least {@value #MIN_LENGTH} characters after trimming, else {@link JustificationProblem#TOO_SHORT};</li>
 *   <li>its letters and digits (case, spaces and punctuation dropped) are not one piece repeated
 *       ("aaaa…", "test test test", "abcabc…"), else {@link JustificationProblem#REPEATED};</li>
 *   <li>at least {@value #MIN_DISTINCT_LETTERS} different letters, else {@link JustificationProblem#FEW_LETTERS};</li>
 *   <li>no word that is a run of 4 or more neighbouring keys of one keyboard row ("asdf", "qwer", "fdsa"), and no
 *       run of {@value #KEYBOARD_RUN} or more inside a word ("qwerty", "xasdfg"), else
 *       {@link JustificationProblem#KEYBOARD_RUN} (runs of 4 inside words occur in English: "liberty", "property");</li>
 *   <li>no placeholder text ("lorem ipsum", "dolor sit amet"), else {@link JustificationProblem#PLACEHOLDER};</li>
 *   <li>at least {@value #MIN_REAL_WORDS} different real words, else {@link JustificationProblem#FEW_WORDS}. A real
 *       word has two or more letters, a vowel (a, e, i, o, u, y, or any letter outside ASCII), no letter three times
 *       in a row, is not itself a run of keyboard keys ("asdf", "jkl") and is not a placeholder ("test", "lorem",
 *       "ipsum", "blah", "tbc", "n/a"…).</li>
 * </ol>
 *
 * Tuned for English; digits never count against the text (crime and case references are welcome).
 * Pure: no I/O, no clock. The copy rule (the user's own recent justifications) needs the store and
 * lives in {@link BreakGlassService}, on {@link #normalised(String)}.
 */
public final class Justifications {

    public static final int MIN_LENGTH = 20;
    static final int MIN_DISTINCT_LETTERS = 8;
    static final int MIN_REAL_WORDS = 4;
    static final int KEYBOARD_RUN = 5;

    private static final List<List<String>> PLACEHOLDER_PHRASES = List.of(List.of("lorem", "ipsum"),
            List.of("dolor", "sit", "amet"));
    private static final List<String> KEYBOARD_ROWS = List.of("qwertyuiop", "asdfghjkl", "zxcvbnm");
    private static final Set<String> PLACEHOLDERS = Set.of("test", "tests", "testing", "tester", "lorem", "ipsum",
            "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "eiusmod", "tempor", "blah", "bla",
            "tbc", "tbd", "na", "nil", "null", "none", "todo", "placeholder", "dummy", "foo", "foobar", "xyz", "etc",
            "whatever", "something", "reason", "justification");

    private Justifications() {
    }

    /** The first rule the text breaks; empty when it reads as written by a person. */
    public static Optional<JustificationProblem> problemWith(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.codePointCount(0, stripped.length()) < MIN_LENGTH) {
            return Optional.of(JustificationProblem.TOO_SHORT);
        }
        String content = normalised(stripped);
        if (content.isEmpty() || (content + content).indexOf(content, 1) < content.length()) {
            return Optional.of(JustificationProblem.REPEATED);
        }
        if (content.codePoints().filter(Character::isLetter).distinct().count() < MIN_DISTINCT_LETTERS) {
            return Optional.of(JustificationProblem.FEW_LETTERS);
        }
        List<String> words = words(stripped);
        if (words.stream().anyMatch(w -> (w.length() >= 4 && isKeyboardRun(w)) || containsKeyboardRun(w))) {
            return Optional.of(JustificationProblem.KEYBOARD_RUN);
        }
        if (PLACEHOLDER_PHRASES.stream().anyMatch(phrase -> Collections.indexOfSubList(words, phrase) >= 0)) {
            return Optional.of(JustificationProblem.PLACEHOLDER);
        }
        Set<String> real = new HashSet<>();
        words.stream().filter(Justifications::isRealWord).forEach(real::add);
        if (real.size() < MIN_REAL_WORDS) {
            return Optional.of(JustificationProblem.FEW_WORDS);
        }
        return Optional.empty();
    }

    /** Letters and digits only, lower case, compatibility-normalised: what two copies have in common. */
    public static String normalised(String text) {
        StringBuilder kept = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Maximal runs of letters, lower case. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetter(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isRealWord(String word) {
        return word.codePointCount(0, word.length()) >= 2
                && word.codePoints().anyMatch(c -> "aeiouy".indexOf(c) >= 0 || c > 0x7f)
                && !tripled(word)
                && !(word.length() >= 3 && isKeyboardRun(word))
                && !PLACEHOLDERS.contains(word);
    }

    private static boolean tripled(String word) {
        for (int i = 2; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1) && word.charAt(i) == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsKeyboardRun(String word) {
        for (int i = 0; i + KEYBOARD_RUN <= word.length(); i++) {
            if (isKeyboardRun(word.substring(i, i + KEYBOARD_RUN))) {
                return true;
            }
        }
        return false;
    }

    /** Neighbouring keys of one row, either way ("asdf", "fdsa"). */
    private static boolean isKeyboardRun(String letters) {
        String reversed = new StringBuilder(letters).reverse().toString();
        return KEYBOARD_ROWS.stream().anyMatch(row -> row.contains(letters) || row.contains(reversed));
    }
}
