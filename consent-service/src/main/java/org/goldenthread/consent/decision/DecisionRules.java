package org.goldenthread.consent.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * The rules for one data holder (ARCHITECTURE.md §3), deny by default. What may be released is
 * the union of everything in force that applies to this source, recipient and purpose — consent
 * permit provisions (CONSENT), sharing agreements (PUBLIC_TASK), the requester's break-glass
 * session for SAFEGUARDING (VITAL_INTERESTS, only the categories it opened with) — narrowed to the categories asked for, minus every
 * category an applying consent deny names. A deny beats every permit, of any basis: it is the
 * subject's stated limit (UK GDPR art. 21 objection; art. 7(3) withdrawal), and break-glass is
 * for the absence of a basis, not for overriding a recorded refusal. Permits come only from the
 * records about the person asked ({@link Grounds#consents()}); denies from those and from every
 * other record found through the person's identifiers ({@link Grounds#denyOnly()}). A consent permit
 * releases a source's special-category data (and what it marks sensitive), or anything at all when it says
 * "all" explicitly, only once that source's data-protection officer acknowledged the consent's current
 * revision ({@link Grounds#acknowledged()}); denies and withdrawals bind at once. Pure: no I/O, no clock.
 */
public final class DecisionRules {

    /** Every real category: what an empty category list in a consent provision means. */
    public static final Set<DataCategory> ALL_CATEGORIES = Categories.ALL;

    private DecisionRules() {
    }

    /**
     * @param recipient the requester's agency
     * @param wanted categories asked for; empty = whatever is permitted
     */
    public static AgencyDecision decide(String source, String recipient, Purpose purpose, Set<DataCategory> wanted,
            Grounds grounds, Instant now) {
        Set<DataCategory> denied = EnumSet.noneOf(DataCategory.class);
        List<Permit> permits = new ArrayList<>();
        Set<String> waitingFor = new TreeSet<>();
        for (ConsentRecord consent : grounds.consents()) {
            if (!consent.inForceAt(now)) {
                continue;
            }
            boolean acknowledged = grounds.acknowledged().by(source, consent);
            for (Provision provision : consent.provisions()) {
                if (provision.appliesTo(source, recipient, purpose)) {
                    Set<DataCategory> covered = provision.categories().within(ALL_CATEGORIES);
                    if (provision.type() == ProvisionType.DENY) {
                        // A deny applies at once: no one need acknowledge a limit.
                        denied.addAll(covered);
                        continue;
                    }
                    Set<DataCategory> released = acknowledged ? covered
                            : releasedUnacknowledged(provision, covered, grounds.sensitive().of(source));
                    if (released.size() < covered.size()) {
                        waitingFor.add(consent.recordedByAgency());
                    }
                    if (!released.isEmpty()) {
                        permits.add(new Permit(LawfulBasis.LAWFUL_BASIS_CONSENT, consent.id(), released));
                    }
                }
            }
        }
        for (ConsentRecord consent : grounds.denyOnly()) {
            if (consent.inForceAt(now)) {
                for (Provision provision : consent.provisions()) {
                    if (provision.type() == ProvisionType.DENY && provision.appliesTo(source, recipient, purpose)) {
                        denied.addAll(provision.categories().within(ALL_CATEGORIES));
                    }
                }
            }
        }
        for (SharingAgreement isa : grounds.agreements()) {
            if (isa.inForceAt(now) && isa.appliesTo(source, recipient, purpose)) {
                permits.add(new Permit(LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK, isa.id(), isa.categories()));
            }
        }
        if (purpose == Purpose.PURPOSE_SAFEGUARDING) {
            for (BreakGlassSession session : grounds.sessions()) {
                if (session.activeAt(now) && session.covers(source, recipient)) {
                    permits.add(new Permit(LawfulBasis.LAWFUL_BASIS_VITAL_INTERESTS, session.id(), session.categoriesFrom(source)));
                }
            }
        }
        String waiting = waitingFor.isEmpty() ? "" : "the release waits for " + source + "'s data-protection officer "
                + "to acknowledge the consent recorded by " + String.join(", ", waitingFor) + "; ";
        if (permits.isEmpty()) {
            return AgencyDecision.deny(source, waiting + breakGlassEnded(source, recipient, purpose, grounds, now)
                    + "no consent or sharing agreement covers " + source + " sharing with " + recipient
                    + " for " + Vocabulary.name(purpose));
        }
        Set<DataCategory> sought = EnumSet.noneOf(DataCategory.class);
        permits.forEach(p -> sought.addAll(p.covered()));
        Set<DataCategory> reveals = grounds.sensitive().revealedByInvolvement(source);
        Set<DataCategory> permitted = EnumSet.copyOf(sought);
        permitted.removeAll(denied);
        Optional<String> withheld = InvolvementRule.withholds(source, recipient, reveals, permitted, denied);
        if (withheld.isPresent()) {
            return AgencyDecision.deny(source, waiting + withheld.get());
        }
        if (!wanted.isEmpty()) {
            sought.retainAll(wanted);
        }
        Set<DataCategory> narrowed = EnumSet.noneOf(DataCategory.class);
        narrowed.addAll(sought);
        narrowed.removeAll(denied);
        // Here the per-source permitted set is final: every basis united, narrowed to what was asked, minus denies,
        // and for COORDINATION the known-to flag alone.
        Set<DataCategory> result = InvolvementRule.forPurpose(purpose, narrowed, reveals);
        if (!result.isEmpty()) {
            return permit(source, result, permits);
        }
        if (!narrowed.isEmpty()) {
            return AgencyDecision.deny(source, waiting + "COORDINATION shares who is involved (INVOLVEMENT) only, and "
                    + "nothing covers INVOLVEMENT from " + source + " to " + recipient);
        }
        if (sought.isEmpty()) {
            boolean special = wanted.stream().anyMatch(Categories.SPECIAL::contains)
                    && permits.stream().anyMatch(p -> p.basis() == LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK);
            return AgencyDecision.deny(source, waiting + "no consent or sharing agreement covers " + names(wanted) + " from "
                    + source + " to " + recipient + " for " + Vocabulary.name(purpose)
                    + (special ? " (an agreement shares health or substance-misuse data only where it names it)" : ""));
        }
        String what = denied.containsAll(ALL_CATEGORIES) ? "all sharing" : names(sought);
        return AgencyDecision.deny(source, "consent denies " + what + " from " + source + " to " + recipient);
    }

    /**
     * What a permit releases before the source's data-protection officer has acknowledged its revision: nothing
     * when it says "all" in any dimension (the officer has not seen whom or what it reaches), else only its
     * ordinary categories — never special-category data nor what the source marks sensitive (issue 14).
     */
    private static Set<DataCategory> releasedUnacknowledged(Provision permit, Set<DataCategory> covered,
            Set<DataCategory> sensitive) {
        if (permit.usesExplicitAll()) {
            return Set.of();
        }
        Set<DataCategory> ordinary = EnumSet.noneOf(DataCategory.class);
        ordinary.addAll(covered);
        ordinary.removeAll(sensitive);
        return ordinary;
    }

    /**
     * The basis named is the weakest one the release needs: consent when consent alone covers it,
     * else the agreement, else break-glass — so a release that leans on break-glass is always
     * recorded (and reviewed) as such. The record is the first of that basis covering any of it.
     */
    private static AgencyDecision permit(String source, Set<DataCategory> result, List<Permit> permits) {
        Set<DataCategory> covered = EnumSet.noneOf(DataCategory.class);
        for (LawfulBasis basis : List.of(LawfulBasis.LAWFUL_BASIS_CONSENT, LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK,
                LawfulBasis.LAWFUL_BASIS_VITAL_INTERESTS)) {
            Set<DataCategory> before = EnumSet.copyOf(covered);
            permits.stream().filter(p -> p.basis() == basis).forEach(p -> covered.addAll(p.covered()));
            if (covered.containsAll(result)) {
                Permit named = permits.stream()
                        .filter(p -> p.basis() == basis && p.covered().stream()
                                .anyMatch(c -> result.contains(c) && !before.contains(c)))
                        .findFirst().orElseThrow();
                return AgencyDecision.permit(source, result, basis, named.recordId(), consentsCovering(result, permits));
            }
        }
        throw new IllegalStateException("permitted categories not covered by any permit");
    }

    /** The consent records whose permits cover part of the release: what the grant is anchored by. */
    private static Set<String> consentsCovering(Set<DataCategory> result, List<Permit> permits) {
        return permits.stream()
                .filter(p -> p.basis() == LawfulBasis.LAWFUL_BASIS_CONSENT && p.covered().stream().anyMatch(result::contains))
                .map(Permit::recordId)
                .collect(Collectors.toSet());
    }

    private static String breakGlassEnded(String source, String recipient, Purpose purpose, Grounds grounds,
            Instant now) {
        if (purpose != Purpose.PURPOSE_SAFEGUARDING) {
            return "";
        }
        return grounds.sessions().stream()
                .filter(s -> s.covers(source, recipient) && !now.isBefore(s.endsAt()))
                .map(s -> "break-glass ended at " + s.endsAt() + "; ")
                .findFirst().orElse("");
    }

    private static String names(Collection<DataCategory> categories) {
        return categories.stream().sorted().map(Vocabulary::name).collect(Collectors.joining(", "));
    }

    private record Permit(LawfulBasis basis, String recordId, Set<DataCategory> covered) {
    }
}
