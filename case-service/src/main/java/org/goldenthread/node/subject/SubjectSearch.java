package org.goldenthread.node.subject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The staff's search over their own persons: by name (spelling-tolerant: phonetic keys find the
 * candidates, edit distance ranks them), date of birth and identifier (NHS or NI number), any
 * combination, every criterion given must hold. Candidates come from the {@code subject_search}
 * reverse index only, so a search never scans the node's persons.
 */
@Component
public class SubjectSearch {

    /** Below this name similarity a candidate is noise, however alike the names sound. */
    static final double MIN_SCORE = 0.4;
    static final int MAX_NAME_WORDS = 5;

    /** One person found, with how well the name matched (1 when no name was asked). */
    public record Found(Subject subject, double score) {
    }

    /** A page of results, best first, and how many there are in all. */
    public record Results(List<Found> page, int total) {
    }

    private final SubjectStore subjects;

    public SubjectSearch(SubjectStore subjects) {
        this.subjects = subjects;
    }

    /**
     * @param name free text, any order of given and family names; null when not searched by
     * @param dateOfBirth null when not searched by
     * @param identifier an NHS or NI number, spaces allowed; null when not searched by
     */
    public Results search(String name, LocalDate dateOfBirth, String identifier, int page, int size) {
        List<String> words = name == null ? List.of() : SearchKeys.words(name).stream().limit(MAX_NAME_WORDS).toList();
        List<Set<String>> criteria = new ArrayList<>();
        if (!words.isEmpty()) {
            criteria.add(nameKeys(words));
        }
        if (dateOfBirth != null) {
            criteria.add(Set.of(SearchKeys.forDateOfBirth(dateOfBirth.toString())));
        }
        if (identifier != null) {
            criteria.add(Set.of(SearchKeys.forIdentifier(identifier)));
        }
        if (criteria.isEmpty()) {
            return new Results(List.of(), 0);
        }
        // The most selective criterion fetches the candidates; every criterion is then checked on each.
        Set<String> keys = criteria.stream().min(Comparator.comparingInt(Set::size)).orElseThrow();
        String wantedId = identifier == null ? null : SearchKeys.forIdentifier(identifier);
        List<Found> found = new ArrayList<>();
        for (Subject candidate : subjects.withAnySearchKey(keys)) {
            SubjectDetails d = candidate.details();
            if (dateOfBirth != null && !dateOfBirth.equals(d.dateOfBirth())) {
                continue;
            }
            if (wantedId != null && !hasIdentifier(d, wantedId)) {
                continue;
            }
            double score = words.isEmpty() ? 1 : score(words, SearchKeys.names(d));
            if (score >= MIN_SCORE) {
                found.add(new Found(candidate, score));
            }
        }
        found.sort(Comparator.comparingDouble((Found f) -> -f.score())
                .thenComparing(f -> f.subject().details().familyName(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(f -> f.subject().details().givenName(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(f -> f.subject().id()));
        int from = (int) Math.min((long) page * size, found.size());
        return new Results(List.copyOf(found.subList(from, Math.min(found.size(), from + size))), found.size());
    }

    /** Each word as the family name, with every other word's initial as the given name's (or any initial). */
    private static Set<String> nameKeys(List<String> words) {
        Set<String> keys = new LinkedHashSet<>();
        for (int f = 0; f < words.size(); f++) {
            if (words.size() == 1) {
                keys.addAll(SearchKeys.forFamilyName(words.get(f)));
            }
            for (int g = 0; g < words.size(); g++) {
                if (g != f) {
                    keys.addAll(SearchKeys.forName(words.get(f), words.get(g).charAt(0)));
                }
            }
        }
        return keys;
    }

    /** The mean, over the words asked, of each word's best similarity to one of the person's names. */
    private static double score(List<String> words, List<String> names) {
        double total = 0;
        for (String word : words) {
            total += names.stream().mapToDouble(n -> EditDistance.similarity(word, n)).max().orElse(0);
        }
        return total / words.size();
    }

    private static boolean hasIdentifier(SubjectDetails d, String wantedKey) {
        return d.nhsNumber() != null && SearchKeys.forIdentifier(d.nhsNumber()).equals(wantedKey)
                || d.nationalInsuranceNumber() != null && SearchKeys.forIdentifier(d.nationalInsuranceNumber()).equals(wantedKey);
    }
}
