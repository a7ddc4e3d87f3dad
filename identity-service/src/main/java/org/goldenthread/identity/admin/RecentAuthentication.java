package org.goldenthread.identity.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether an actor proved who they are recently enough for a dangerous change. It reads the
 * access token's {@code auth_time} (OpenID Connect Core §2, allowed in RFC 9068 access tokens),
 * which {@code POST /api/identity/login} sets to the moment the password and second factor were
 * checked. A refresh does not renew it, and a token without it counts as stale: fail closed, so
 * re-authenticating means signing in again, which a stolen token alone cannot do.
 *
 * <p>Chosen over a separate re-authentication proof: the login API already checks password and
 * second factor and issues a token, so a fresh token <em>is</em> the proof, with nothing new to
 * sign, store or leak.
 */
@Component
@EnableConfigurationProperties(ReauthenticationProperties.class)
public class RecentAuthentication {

    /** Clocks of identity and its callers may differ a little; an {@code auth_time} further ahead is not believed. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final ReauthenticationProperties properties;
    private final Clock clock;

    RecentAuthentication(ReauthenticationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public boolean recent(Actor actor) {
        Instant at = actor.authenticatedAt();
        Instant now = clock.instant();
        return at != null && !at.isAfter(now.plus(SKEW)) && !at.isBefore(now.minus(properties.maxAge()));
    }

    public Duration maxAge() {
        return properties.maxAge();
    }
}
