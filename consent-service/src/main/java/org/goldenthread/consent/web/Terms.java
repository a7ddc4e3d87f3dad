package org.goldenthread.consent.web;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.Vocabulary.UnknownTermException;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * Vocabulary terms read from a request body, naming the field a wrong one came in: the problem
 * keeps the shared code ({@code unknown-purpose}, {@code unknown-data-category}) and adds the
 * {@code errors} list every other validation failure has.
 */
final class Terms {

    private Terms() {
    }

    static Purpose purpose(String name, String field) {
        return parse(name, field, Vocabulary::purpose);
    }

    static Set<Purpose> purposes(List<String> names, String field) {
        return all(names, field, Vocabulary::purpose);
    }

    static Set<DataCategory> categories(List<String> names, String field) {
        return all(names, field, Vocabulary::category);
    }

    private static <T> Set<T> all(List<String> names, String field, Function<String, T> parser) {
        if (names == null) {
            return Set.of();
        }
        Set<T> parsed = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            parsed.add(parse(names.get(i), field + "[" + i + "]", parser));
        }
        return parsed.stream().collect(Collectors.toUnmodifiableSet());
    }

    private static <T> T parse(String name, String field, Function<String, T> parser) {
        try {
            return parser.apply(name);
        } catch (UnknownTermException e) {
            throw new RequestRejectedException(Problems.invalid("unknown-" + e.term().replace(' ', '-'), e.getMessage(),
                    List.of(new Problems.FieldError(field, e.getMessage()))));
        }
    }
}
