package org.goldenthread.consent.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.federation.linkage.Comparison;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/**
 * Finds every consent record a decision about one person must respect (issue 13, "one person, one
 * decision"), and which of them may permit anything. Pure apart from the {@link ConsentIndex} it reads.
 *
 * <ol>
 *   <li><b>Found</b>: every record sharing an NHS, NINO or NAME_DOB token with the request or its legacy tokens,
 *       then every record sharing a token with those (the same person known through another identifier), round
 *       after round until nothing new turns up. Nothing found is ever dropped: more than {@code maxRecords}
 *       records, or links still unexplored after {@code maxRounds} look-ups, is {@link PersonConsents.Status#TOO_MANY},
 *       which the decision answers with DENY for every agency (fail closed). A deny cannot be pushed out by
 *       recording more permits, or stepped around by asking with another of the person's identifiers.</li>
 *   <li><b>Disagreeing</b>: a record sharing a token with the request and contradicting another of its
 *       identifiers ({@link OnePerson#compare} CONFLICT) shows the identifiers are two people's:
 *       {@link PersonConsents.Status#IDENTIFIERS_DISAGREE}, nothing is decided. A contradiction on a kind where
 *       the record holds one of the request's legacy tokens (the same name under version-1 normalisation) is
 *       explained, not a disagreement; such a record is deny-only.</li>
 *   <li><b>Permitting</b>: only records sharing a token with the request itself, EXACT or STRONG. Linked records,
 *       records found through legacy tokens, and records matched by name and date of birth alone while records
 *       under that name and date of birth hold different NHS or NI numbers (namesakes) are deny-only: their
 *       denies apply, their permits never do.</li>
 * </ol>
 */
public final class ConsentResolver {

    private static final Comparator<ConsentRecord> NEWEST_FIRST = Comparator
            .comparing(ConsentRecord::recordedAt, Comparator.reverseOrder()).thenComparing(ConsentRecord::id);

    private final ConsentIndex index;
    private final int maxRecords;
    private final int maxRounds;

    /**
     * @param maxRecords the most records one decision reads; more is TOO_MANY
     * @param maxRounds the most look-ups one decision makes following links; links left after them is TOO_MANY
     */
    public ConsentResolver(ConsentIndex index, int maxRecords, int maxRounds) {
        if (maxRecords < 1 || maxRounds < 1) {
            throw new IllegalArgumentException("the bounds must be at least 1");
        }
        this.index = index;
        this.maxRecords = maxRecords;
        this.maxRounds = maxRounds;
    }

    /**
     * @param subjectTokens the request's tokens (at most one per kind; fuzzy tokens are ignored)
     * @param legacyTokens other tokens the person is known by (version-1 name tokens): for finding denies only
     */
    public PersonConsents resolve(Collection<LinkageToken> subjectTokens, Collection<LinkageToken> legacyTokens) {
        List<LinkageToken> asked = OnePerson.identifying(subjectTokens);
        Set<LinkageToken> legacy = new LinkedHashSet<>(OnePerson.identifying(legacyTokens));
        asked.forEach(legacy::remove);
        Set<LinkageToken> looked = new HashSet<>(asked);
        looked.addAll(legacy);
        Map<String, FiledConsent> found = new LinkedHashMap<>();
        Collection<LinkageToken> frontier = List.copyOf(looked);
        for (int round = 0; !frontier.isEmpty(); round++) {
            if (round == maxRounds) {
                return PersonConsents.tooMany(found.size(), maxRecords);
            }
            Set<String> fresh = new LinkedHashSet<>(index.idsHolding(frontier));
            fresh.removeAll(found.keySet());
            if (found.size() + fresh.size() > maxRecords) {
                // Counted before loading: a flood of records costs one index read, not a thousand documents.
                return PersonConsents.tooMany(found.size() + fresh.size(), maxRecords);
            }
            List<LinkageToken> next = new ArrayList<>();
            if (!fresh.isEmpty()) {
                for (FiledConsent filed : index.load(fresh)) {
                    found.put(filed.record().id(), filed);
                    for (LinkageToken token : OnePerson.identifying(filed.tokens())) {
                        if (looked.add(token)) {
                            next.add(token);
                        }
                    }
                }
            }
            frontier = next;
        }
        return classify(asked, legacy, found.values());
    }

    private PersonConsents classify(List<LinkageToken> asked, Set<LinkageToken> legacy, Collection<FiledConsent> found) {
        Set<LinkageToken> askedSet = Set.copyOf(asked);
        List<Candidate> candidates = new ArrayList<>();
        List<ConsentRecord> denyOnly = new ArrayList<>();
        Set<LinkageTokenKind> disagreeing = EnumSet.noneOf(LinkageTokenKind.class);
        for (FiledConsent filed : found) {
            if (filed.tokens().stream().noneMatch(askedSet::contains)) {
                denyOnly.add(filed.record());
                continue;
            }
            Comparison c = OnePerson.compare(asked, filed.tokens());
            switch (c.relation()) {
                case EXACT, STRONG -> candidates.add(new Candidate(filed, c));
                case CONFLICT -> {
                    if (explainedByLegacy(c, filed, legacy)) {
                        denyOnly.add(filed.record());
                    } else {
                        disagreeing.addAll(c.contradicted());
                        c.shared().stream().filter(OnePerson.IDENTIFYING::contains).forEach(disagreeing::add);
                    }
                }
                default -> denyOnly.add(filed.record());
            }
        }
        if (!disagreeing.isEmpty()) {
            return new PersonConsents(PersonConsents.Status.IDENTIFIERS_DISAGREE, List.of(), List.of(), Map.of(), Map.of(),
                    disagreeing, false, found.size(), maxRecords);
        }
        boolean namesakes = namesakes(asked, candidates);
        candidates = sharingOneIdentifier(candidates, denyOnly);
        List<ConsentRecord> permitting = new ArrayList<>();
        Map<String, Set<LinkageTokenKind>> anchors = new HashMap<>();
        Map<String, List<LinkageToken>> identities = new HashMap<>();
        for (Candidate candidate : candidates) {
            boolean national = candidate.comparison().shared().stream().anyMatch(OnePerson.NATIONAL::contains);
            if (namesakes && !national) {
                denyOnly.add(candidate.filed().record());
                continue;
            }
            permitting.add(candidate.filed().record());
            Set<LinkageTokenKind> kinds = EnumSet.noneOf(LinkageTokenKind.class);
            candidate.comparison().shared().stream().filter(OnePerson.IDENTIFYING::contains).forEach(kinds::add);
            anchors.put(candidate.filed().record().id(), kinds);
            identities.put(candidate.filed().record().id(), OnePerson.identifying(candidate.filed().tokens()));
        }
        permitting.sort(NEWEST_FIRST);
        denyOnly.sort(NEWEST_FIRST);
        return new PersonConsents(PersonConsents.Status.RESOLVED, permitting, denyOnly, anchors, identities, Set.of(), namesakes,
                found.size(), maxRecords);
    }

    /**
     * The candidates that share one identifier of the request between them. Records each tied to the request by a
     * different identifier (one by the NHS number, another by name and date of birth) with no identifier in common
     * are not shown to be one person: the request may be two people's, each matching one record. Then only those
     * sharing the strongest identifier (NHS, else NINO, else name and date of birth) permit; the others become
     * deny-only. Their denies still apply.
     */
    private static List<Candidate> sharingOneIdentifier(List<Candidate> candidates, List<ConsentRecord> denyOnly) {
        Set<LinkageTokenKind> common = null;
        for (Candidate c : candidates) {
            Set<LinkageTokenKind> kinds = EnumSet.noneOf(LinkageTokenKind.class);
            c.comparison().shared().stream().filter(OnePerson.IDENTIFYING::contains).forEach(kinds::add);
            if (common == null) {
                common = kinds;
            } else {
                common.retainAll(kinds);
            }
        }
        if (common == null || !common.isEmpty()) {
            return candidates;
        }
        LinkageTokenKind strongest = null;
        for (LinkageTokenKind kind : List.of(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS,
                LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO, LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB)) {
            if (strongest == null && candidates.stream().anyMatch(c -> c.comparison().shared().contains(kind))) {
                strongest = kind;
            }
        }
        LinkageTokenKind kept = strongest;
        List<Candidate> sharing = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.comparison().shared().contains(kept)) {
                sharing.add(c);
            } else {
                denyOnly.add(c.filed().record());
            }
        }
        return sharing;
    }

    /** Every contradicted kind is one where the record holds a legacy token of the request: the same name, older form. */
    private static boolean explainedByLegacy(Comparison c, FiledConsent filed, Set<LinkageToken> legacy) {
        return c.contradicted().stream().allMatch(kind -> filed.tokens().stream()
                .anyMatch(t -> t.getKind() == kind && legacy.contains(t)));
    }

    /**
     * True when the candidates hold two different tokens (under one key) of a national kind the request does not
     * carry: the name and date of birth they share with the request are more than one person's, so it cannot say
     * which of them it is about.
     */
    private static boolean namesakes(List<LinkageToken> asked, List<Candidate> candidates) {
        for (LinkageTokenKind kind : OnePerson.NATIONAL) {
            if (asked.stream().anyMatch(t -> t.getKind() == kind)) {
                continue;
            }
            Map<String, String> valueByKey = new HashMap<>();
            for (Candidate candidate : candidates) {
                for (LinkageToken t : candidate.filed().tokens()) {
                    if (t.getKind() == kind) {
                        String seen = valueByKey.putIfAbsent(t.getKeyId(), t.getValue());
                        if (seen != null && !seen.equals(t.getValue())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private record Candidate(FiledConsent filed, Comparison comparison) {
    }
}
