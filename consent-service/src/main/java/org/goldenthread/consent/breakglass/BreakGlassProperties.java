package org.goldenthread.consent.breakglass;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may break the glass, how often, for how long and for what (issue 14; the README's
 * break-glass section explains each default).
 *
 * @param roles roles allowed to open a session (any one suffices); by default only the dedicated
 *     {@code BREAK_GLASS} permission, which agency admins give per user — not every key-worker
 * @param agencies agencies whose users may open one; empty = every agency
 * @param duration how long a session permits; at most 60 minutes (ARCHITECTURE.md §3), so a
 *     longer setting stops the service at start
 * @param maxSessionsPerUser sessions one user may open in any 24 hours (renewals a second person approved aside)
 * @param maxSessionsPerSubject sessions one user may open about one subject in any 24 hours (likewise)
 * @param renewalGrace how long after a session ends a new one about the same subject still counts as its
 *     renewal (and needs a second person); also how long an approved renewal stays usable
 * @param renewalApproverRoles roles that may approve a renewal (of their own agency's users, never their own)
 * @param repeatWindow how far back the user's own justifications are compared with a new one (copy rule)
 * @param categories what a session releases from a source with no entry in {@code categoriesBySource}: what a
 *     safeguarding purpose needs, never the special categories (health, substance misuse) unless named
 * @param categoriesBySource per source agency, what its sessions release instead (vocabulary short names)
 */
@ConfigurationProperties("goldenthread.consent.break-glass")
public record BreakGlassProperties(
        @DefaultValue("BREAK_GLASS") List<String> roles,
        @DefaultValue({}) List<String> agencies,
        @DefaultValue("60m") Duration duration,
        @DefaultValue("3") int maxSessionsPerUser,
        @DefaultValue("1") int maxSessionsPerSubject,
        @DefaultValue("30m") Duration renewalGrace,
        @DefaultValue({"DPO", "TEAM_MANAGER"}) List<String> renewalApproverRoles,
        @DefaultValue("30d") Duration repeatWindow,
        @DefaultValue({"IDENTITY", "CONTACT", "INVOLVEMENT", "SAFEGUARDING", "DOMESTIC_ABUSE", "CRIME", "SOCIAL_CARE",
                "HOUSING", "ASB"}) List<String> categories,
        Map<String, List<String>> categoriesBySource) {

    public static final Duration MAX_DURATION = Duration.ofMinutes(60);

    public BreakGlassProperties {
        roles = List.copyOf(roles);
        agencies = List.copyOf(agencies);
        renewalApproverRoles = List.copyOf(renewalApproverRoles);
        categories = List.copyOf(categories);
        categoriesBySource = categoriesBySource == null ? Map.of() : Map.copyOf(categoriesBySource);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("goldenthread.consent.break-glass.duration must be more than 0 and "
                    + "at most 60m, was " + duration);
        }
        if (maxSessionsPerUser < 1 || maxSessionsPerSubject < 1) {
            throw new IllegalArgumentException("goldenthread.consent.break-glass.max-sessions-per-user and "
                    + "max-sessions-per-subject must be at least 1");
        }
        if (renewalGrace.isNegative() || repeatWindow.isNegative()) {
            throw new IllegalArgumentException("goldenthread.consent.break-glass.renewal-grace and repeat-window "
                    + "must not be negative");
        }
        if (renewalApproverRoles.isEmpty()) {
            throw new IllegalArgumentException("goldenthread.consent.break-glass.renewal-approver-roles must name a role");
        }
        // Parsed now so that a misspelt category stops the service at start instead of releasing less (or more).
        parse(categories);
        categoriesBySource.values().forEach(BreakGlassProperties::parse);
    }

    public boolean allows(String agency, List<String> userRoles) {
        return (agencies.isEmpty() || agencies.contains(agency)) && userRoles.stream().anyMatch(roles::contains);
    }

    public boolean approves(List<String> userRoles) {
        return userRoles.stream().anyMatch(renewalApproverRoles::contains);
    }

    /** What a session opened now releases from {@code source}. */
    public Set<DataCategory> categoriesFor(String source) {
        return parse(categoriesBySource.getOrDefault(source, categories));
    }

    private static Set<DataCategory> parse(List<String> names) {
        Set<DataCategory> parsed = EnumSet.noneOf(DataCategory.class);
        names.stream().map(String::strip).map(Vocabulary::category).forEach(parsed::add);
        return parsed.stream().collect(Collectors.toUnmodifiableSet());
    }
}
