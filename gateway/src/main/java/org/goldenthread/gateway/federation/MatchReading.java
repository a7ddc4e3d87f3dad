package org.goldenthread.gateway.federation;

import java.util.List;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.node.v1.SubjectMatch;

/**
 * What a node's matches mean for the key-worker, read the same way for a view and a known-to search.
 * The node applies "one person or nothing" itself (and refuses with FAILED_PRECONDITION when it cannot);
 * the gateway reads its answer by the same rule, so a node that breaks it cannot leak through:
 *
 * <ul>
 *   <li>no match: NO_RECORD;</li>
 *   <li>more than one person: AMBIGUOUS, nothing shown (several POSSIBLE matches are not offered for
 *       confirmation either: confirming one of them would be a guess);</li>
 *   <li>one person at EXACT or STRONG strength: OK;</li>
 *   <li>one POSSIBLE match with a confirmation reference: NEEDS_CONFIRMATION, with the
 *       {@link Confirmation} (INVOLVEMENT at most);</li>
 *   <li>one POSSIBLE match released under the key-worker's confirmation (sent with this request): OK;</li>
 *   <li>one POSSIBLE match the node offers no (usable) confirmation reference for: NO_RECORD.</li>
 * </ul>
 *
 * @param person the one person matched, for OK; null otherwise
 * @param confirmed true when OK rests on the key-worker's confirmation of a POSSIBLE match
 */
record MatchReading(AgencyStatus status, String reason, String code, SubjectMatch person, Confirmation confirmation,
        boolean confirmed) {

    static final String POSSIBLE_ONLY = "Only a possible match at this agency: check it, then confirm to see the record.";
    static final String SEVERAL_POSSIBLE = "More than one person at this agency might be this person;"
            + " add an NHS or National Insurance number.";
    static final String SEVERAL_RELEASED = "This agency answered about more than one person, so nothing from it is shown;"
            + " add an NHS or National Insurance number.";
    static final String NOT_OFFERED = "Only a possible match at this agency, which it does not offer for confirmation.";

    private static final String KIND_PREFIX = "LINKAGE_TOKEN_KIND_";
    private static final String STRENGTH_PREFIX = "MATCH_STRENGTH_";

    /**
     * @param agencyName the agency's name, for the confirmation prompt
     * @param confirmationSent whether this request carried the key-worker's confirmation for this agency
     */
    static MatchReading of(String agencyName, List<SubjectMatch> matches, boolean confirmationSent) {
        if (matches.isEmpty()) {
            return new MatchReading(AgencyStatus.NO_RECORD, null, null, null, null, false);
        }
        if (matches.size() > 1) {
            boolean released = matches.stream().anyMatch(MatchReading::releasable);
            return new MatchReading(AgencyStatus.AMBIGUOUS, released ? SEVERAL_RELEASED : SEVERAL_POSSIBLE,
                    NodeRefusal.AMBIGUOUS_SUBJECT, null, null, false);
        }
        SubjectMatch one = matches.get(0);
        if (releasable(one)) {
            return new MatchReading(AgencyStatus.OK, null, null, one, null, false);
        }
        if (one.getStrength() != MatchStrength.MATCH_STRENGTH_POSSIBLE) {
            return new MatchReading(AgencyStatus.NO_RECORD, null, null, null, null, false);
        }
        if (MatchConfirmation.acceptable(one.getConfirmationRef())) {
            return new MatchReading(AgencyStatus.NEEDS_CONFIRMATION, POSSIBLE_ONLY, null, null,
                    confirmation(agencyName, one), false);
        }
        if (confirmationSent) {
            return new MatchReading(AgencyStatus.OK, null, null, one, null, true);
        }
        return new MatchReading(AgencyStatus.NO_RECORD, NOT_OFFERED, null, null, null, false);
    }

    /** Records may be shown only for OK. */
    boolean releases() {
        return status == AgencyStatus.OK;
    }

    /** The strength shown: the one person's, or POSSIBLE for a match awaiting confirmation; else null. */
    String matchStrength() {
        if (person != null) {
            return shortName(person.getStrength().name(), STRENGTH_PREFIX);
        }
        return confirmation != null ? "POSSIBLE" : null;
    }

    private static boolean releasable(SubjectMatch match) {
        return match.getStrength() == MatchStrength.MATCH_STRENGTH_EXACT || match.getStrength() == MatchStrength.MATCH_STRENGTH_STRONG;
    }

    private static Confirmation confirmation(String agencyName, SubjectMatch match) {
        List<String> matchedOn = match.getMatchedKindsList().stream()
                .filter(k -> k != LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED && k != LinkageTokenKind.UNRECOGNIZED)
                .distinct().map(k -> shortName(k.name(), KIND_PREFIX)).toList();
        Involvement involvement = Involvement.of(match);
        return new Confirmation(match.getConfirmationRef(), matchedOn, involvement,
                ConfirmationPrompt.of(agencyName, matchedOn, involvement));
    }

    private static String shortName(String enumName, String prefix) {
        return enumName.startsWith(prefix) ? enumName.substring(prefix.length()) : enumName;
    }
}
