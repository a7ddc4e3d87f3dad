package org.goldenthread.identity.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Spring's in-memory authorization store, plus forgetting: the plain one keeps every completed
 * authorization for the life of the process, which in a long-running service only grows. Here an
 * authorization is dropped once every token in it (code, access, refresh, ID token) has expired;
 * a sweep runs at most once a minute, on a save.
 */
final class ExpiringAuthorizations implements OAuth2AuthorizationService {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicReference<Instant> nextSweep;

    ExpiringAuthorizations(Clock clock) {
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
        Instant last = lastExpiry(authorization);
        if (last != null) {
            expiries.put(authorization.getId(), last);
        }
        sweepIfDue();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
        expiries.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }

    /** How many authorizations are held; for tests and metrics. */
    int size() {
        return expiries.size();
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        expiries.entrySet().removeIf(entry -> {
            if (entry.getValue().isAfter(now)) {
                return false;
            }
            OAuth2Authorization expired = delegate.findById(entry.getKey());
            if (expired != null) {
                delegate.remove(expired);
            }
            return true;
        });
    }

    private static Instant lastExpiry(OAuth2Authorization authorization) {
        return Stream.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
                        authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
                .filter(Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
