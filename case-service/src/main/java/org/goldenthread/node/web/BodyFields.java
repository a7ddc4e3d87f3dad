package org.goldenthread.node.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * Reads the typed values of request bodies from their JSON strings, so that every bad value gets a
 * field-level 400 naming the field (and never echoing the value, which may be personal data).
 */
final class BodyFields {

    private static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private BodyFields() {
    }

    /** An agency reference from a path or body: plain characters only, so it is never more than a value. */
    static String reference(String field, String value) {
        if (value == null || !value.matches(REFERENCE)) {
            throw RequestRejectedException.invalid(field, "a reference is 1-100 letters, digits or . _ : -");
        }
        return value;
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw RequestRejectedException.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    static <E extends Enum<E>> E optionalOneOf(Class<E> type, String field, String value) {
        return value == null || value.isBlank() ? null : oneOf(type, field, value);
    }

    static DataCategory category(String field, String value) {
        try {
            return Vocabulary.category(value);
        } catch (Vocabulary.UnknownTermException e) {
            throw RequestRejectedException.invalid(field, "not a data category of the vocabulary");
        }
    }

    /**
     * A case's or an event's category: any of the vocabulary but INVOLVEMENT. INVOLVEMENT is the
     * known-to facts the node draws from the case itself (lead worker, team, contact, since), never a
     * record's own category: a record tagged so would travel with the known-to flag, which partners are
     * shown for coordination alone. Records stored with it earlier are never released.
     */
    static DataCategory recordCategory(String field, String value) {
        DataCategory category = category(field, value);
        if (category == DataCategory.DATA_CATEGORY_INVOLVEMENT) {
            throw new RequestRejectedException(Problems.invalid("involvement-not-a-record-category",
                    "INVOLVEMENT cannot be the category of a case or an event: partners see who is involved from the"
                            + " case's lead worker, team and contact. Choose the category of what the record is about,"
                            + " for example SOCIAL_CARE.",
                    List.of(new Problems.FieldError(field, "INVOLVEMENT is not a category for records"))));
        }
        return category;
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw RequestRejectedException.invalid(field, "not a valid date (YYYY-MM-DD)");
        }
    }

    static LocalDate pastDate(String field, String value) {
        LocalDate date = date(field, value);
        if (date.isAfter(LocalDate.now(ZoneOffset.UTC)) || date.getYear() < 1880) {
            throw RequestRejectedException.invalid(field, "not a possible date of birth");
        }
        return date;
    }

    /** An instant ("2026-03-14T10:15:00Z", with any offset) or a date, taken as its start in UTC. */
    static Instant instant(String field, String value) {
        if (value != null && value.length() == 10) {
            return date(field, value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw RequestRejectedException.invalid(field, "not a valid ISO-8601 date-time, e.g. 2026-03-14T10:15:00Z");
        }
    }

    /** A whole number query value within bounds; {@code fallback} when absent. */
    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw RequestRejectedException.invalid(field, "a whole number from " + min + " to " + max);
        }
        return Integer.parseInt(value);
    }

    static Instant optionalInstant(String field, String value) {
        return value == null || value.isBlank() ? null : instant(field, value);
    }
}
