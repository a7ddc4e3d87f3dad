package org.goldenthread.node.web;

import java.util.List;
import org.goldenthread.node.subject.SubjectSearch;

/** {@code GET /api/subjects?…}: one page of persons found, best match first. */
record SearchResults(List<Hit> results, int page, int size, int total) {

    /** A person found; {@code score} is the name similarity from 0 to 1 (1 when no name was asked). */
    record Hit(String ref, String id, String familyName, String givenName, String dateOfBirth, double score) {

        @Override
        public String toString() {
            return "Hit[redacted]";
        }
    }

    static SearchResults of(SubjectSearch.Results found, int page, int size) {
        return new SearchResults(found.page().stream().map(f -> {
            var d = f.subject().details();
            return new Hit(f.subject().ref(), f.subject().id(), d.familyName(), d.givenName(),
                    d.dateOfBirth() == null ? null : d.dateOfBirth().toString(), Math.round(f.score() * 1000) / 1000.0);
        }).toList(), page, size, found.total());
    }
}
