package org.goldenthread.consent.decision;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * Known-to stays known-to (issue 14). Two rules on top of what consents and agreements permit for one source:
 * <ul>
 *   <li><b>Involvement that discloses</b>: where the mere fact that an agency works with a person is itself
 *       special-category data (the registry's {@code involvementReveals}: a mental-health trust, HEALTH_MENTAL), nothing
 *       at all is released from that agency — not even its known-to flag — unless what may be released from it covers
 *       those categories too. An agreement sharing only INVOLVEMENT does not name them, and a consent deny of them
 *       withholds the agency entirely: its records, its involvement, its team names.</li>
 *   <li><b>COORDINATION is for known-to only</b>: a COORDINATION decision releases INVOLVEMENT at most, plus, where
 *       INVOLVEMENT is released from an agency whose involvement discloses categories, those categories (which the
 *       rule above has shown may be released) so the node may say which of its teams is involved. The node answers a
 *       COORDINATION grant with involvement facts only, whatever its scope.</li>
 * </ul>
 * Pure: no I/O.
 */
final class InvolvementRule {

    private InvolvementRule() {
    }

    /**
     * The reason nothing may be released from {@code source}, or empty when the rule lets the decision stand.
     *
     * @param permitted everything that may be released from the source (permits minus denies), before narrowing to
     *     the categories asked for
     * @param denied the categories an applying consent deny names
     */
    static Optional<String> withholds(String source, String recipient, Set<DataCategory> reveals,
            Set<DataCategory> permitted, Set<DataCategory> denied) {
        if (reveals.isEmpty() || permitted.containsAll(reveals)) {
            return Optional.empty();
        }
        Set<DataCategory> missing = EnumSet.copyOf(reveals);
        missing.removeAll(permitted);
        boolean byDeny = missing.stream().anyMatch(denied::contains);
        return Optional.of("working with " + source + " is itself " + names(missing) + " information, which "
                + (byDeny ? "consent denies to " + recipient
                        : "no consent or sharing agreement covering " + recipient + " names")
                + ": nothing from " + source + ", not even whether it is involved");
    }

    /**
     * The categories a decision for {@code purpose} releases out of {@code result}: all of it, except under
     * COORDINATION (INVOLVEMENT, and with it the categories the source's involvement discloses).
     */
    static Set<DataCategory> forPurpose(Purpose purpose, Set<DataCategory> result, Set<DataCategory> reveals) {
        if (purpose != Purpose.PURPOSE_COORDINATION) {
            return result;
        }
        Set<DataCategory> released = EnumSet.noneOf(DataCategory.class);
        if (result.contains(DataCategory.DATA_CATEGORY_INVOLVEMENT)) {
            released.add(DataCategory.DATA_CATEGORY_INVOLVEMENT);
            released.addAll(reveals);
        }
        return released;
    }

    private static String names(Set<DataCategory> categories) {
        return categories.stream().sorted().map(Vocabulary::name).collect(Collectors.joining(", "));
    }
}
