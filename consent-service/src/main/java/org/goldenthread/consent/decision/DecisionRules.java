package org.goldenthread.consent.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * The consent rules for one data holder (ARCHITECTURE.md §3), deny by default: the provisions of
 * every record in force that apply to this source, recipient and purpose are combined; permitted
 * categories are the union of the applying permits minus everything an applying deny names (a
 * deny always beats a permit, UK GDPR art. 7(3) and the subject's stated limits), narrowed to the
 * categories asked for. Pure: no I/O, no clock of its own.
 */
public final class DecisionRules {

    /** Every real category: what an empty category list in a provision means. */
    public static final Set<DataCategory> ALL_CATEGORIES = Arrays.stream(DataCategory.values())
            .filter(c -> c != DataCategory.DATA_CATEGORY_UNSPECIFIED && c != DataCategory.UNRECOGNIZED)
            .collect(Collectors.toUnmodifiableSet());

    private DecisionRules() {
    }

    /**
     * @param source the agency holding the data
     * @param recipient the requester's agency
     * @param wanted categories asked for; empty = whatever is permitted
     * @param consents the subject's consent records, newest first, any status
     */
    public static AgencyDecision decide(String source, String recipient, Purpose purpose, Set<DataCategory> wanted,
            List<ConsentRecord> consents, Instant now) {
        Set<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
        Set<DataCategory> denied = EnumSet.noneOf(DataCategory.class);
        List<Permit> permits = new ArrayList<>();
        for (ConsentRecord consent : consents) {
            if (!consent.inForceAt(now)) {
                continue;
            }
            for (Provision provision : consent.provisions()) {
                if (!provision.appliesTo(source, recipient, purpose)) {
                    continue;
                }
                Set<DataCategory> covered = provision.categories().isEmpty() ? ALL_CATEGORIES : provision.categories();
                if (provision.type() == ProvisionType.PERMIT) {
                    permitted.addAll(covered);
                    permits.add(new Permit(consent.id(), covered));
                } else {
                    denied.addAll(covered);
                }
            }
        }
        if (permits.isEmpty()) {
            return AgencyDecision.deny(source, "no consent covers " + source + " sharing with " + recipient
                    + " for " + Vocabulary.name(purpose));
        }
        Set<DataCategory> sought = EnumSet.copyOf(permitted);
        if (!wanted.isEmpty()) {
            sought.retainAll(wanted);
        }
        Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
        result.addAll(sought);
        result.removeAll(denied);
        if (!result.isEmpty()) {
            String recordId = permits.stream().filter(p -> p.covered().stream().anyMatch(result::contains))
                    .findFirst().orElseThrow().consentId();
            return AgencyDecision.permit(source, result, LawfulBasis.LAWFUL_BASIS_CONSENT, recordId);
        }
        if (sought.isEmpty()) {
            return AgencyDecision.deny(source, "consent does not cover " + names(wanted) + " from " + source
                    + " to " + recipient + " for " + Vocabulary.name(purpose));
        }
        String what = denied.containsAll(ALL_CATEGORIES) ? "all sharing" : names(sought);
        return AgencyDecision.deny(source, "consent denies " + what + " from " + source + " to " + recipient);
    }

    private static String names(Collection<DataCategory> categories) {
        return categories.stream().sorted().map(Vocabulary::name).collect(Collectors.joining(", "));
    }

    private record Permit(String consentId, Set<DataCategory> covered) {
    }
}
