package org.goldenthread.federation;

import java.util.Locale;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * The fixed v1 vocabulary (ARCHITECTURE.md §3) as it appears outside protobuf: REST bodies and
 * grant claims use the short names ("HEALTH_MENTAL", "SAFEGUARDING"), the proto the prefixed
 * enum constants. Unknown names are refused, never mapped to a default.
 */
public final class Vocabulary {

    private static final String CATEGORY_PREFIX = "DATA_CATEGORY_";
    private static final String PURPOSE_PREFIX = "PURPOSE_";
    private static final String BASIS_PREFIX = "LAWFUL_BASIS_";

    private Vocabulary() {
    }

    public static DataCategory category(String name) {
        return parse(DataCategory.class, CATEGORY_PREFIX, name, "data category");
    }

    public static String name(DataCategory category) {
        return shortName(category, CATEGORY_PREFIX, "data category");
    }

    public static Purpose purpose(String name) {
        return parse(Purpose.class, PURPOSE_PREFIX, name, "purpose");
    }

    public static String name(Purpose purpose) {
        return shortName(purpose, PURPOSE_PREFIX, "purpose");
    }

    public static LawfulBasis basis(String name) {
        return parse(LawfulBasis.class, BASIS_PREFIX, name, "lawful basis");
    }

    public static String name(LawfulBasis basis) {
        return shortName(basis, BASIS_PREFIX, "lawful basis");
    }

    /** UNRECOGNIZED (an enum number this build does not know) has no short name: refused. */
    private static String shortName(Enum<?> constant, String prefix, String what) {
        if (!constant.name().startsWith(prefix)) {
            throw new UnknownTermException(what, constant.name());
        }
        return constant.name().substring(prefix.length());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String prefix, String name, String what) {
        if (name == null || name.isBlank()) {
            throw new UnknownTermException(what, String.valueOf(name));
        }
        String wanted = prefix + name.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted) && !constant.name().endsWith("_UNSPECIFIED")) {
                return constant;
            }
        }
        throw new UnknownTermException(what, name);
    }

    /** A name outside the vocabulary; safe to show (it is a code, not personal data). */
    public static final class UnknownTermException extends IllegalArgumentException {

        private final String term;

        UnknownTermException(String term, String value) {
            super("unknown " + term + " '" + abbreviate(value) + "'");
            this.term = term;
        }

        public String term() {
            return term;
        }

        private static String abbreviate(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }
    }
}
