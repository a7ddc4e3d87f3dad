package org.goldenthread.consent.breakglass;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may break the glass, and for how long.
 *
 * @param roles roles allowed to open a session (any one suffices)
 * @param agencies agencies whose users may open one; empty = every agency
 * @param duration how long a session permits; at most 60 minutes (ARCHITECTURE.md §3), so a
 *     longer setting stops the service at start
 */
@ConfigurationProperties("goldenthread.consent.break-glass")
public record BreakGlassProperties(
        @DefaultValue({"KEY_WORKER", "TEAM_MANAGER"}) List<String> roles,
        @DefaultValue({}) List<String> agencies,
        @DefaultValue("60m") Duration duration) {

    public static final Duration MAX_DURATION = Duration.ofMinutes(60);

    public BreakGlassProperties {
        roles = List.copyOf(roles);
        agencies = List.copyOf(agencies);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("goldenthread.consent.break-glass.duration must be more than 0 and "
                    + "at most 60m, was " + duration);
        }
    }

    public boolean allows(String agency, List<String> userRoles) {
        return (agencies.isEmpty() || agencies.contains(agency)) && userRoles.stream().anyMatch(roles::contains);
    }
}
