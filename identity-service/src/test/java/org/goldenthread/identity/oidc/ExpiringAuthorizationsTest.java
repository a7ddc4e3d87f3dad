package org.goldenthread.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationsTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T09:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final RegisteredClient client = RegisteredClient.withId("c").clientId("c").clientSecret("{noop}s")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("http://127.0.0.1/cb").build();

    OAuth2Authorization authorization(String id, Duration access, Duration refresh) {
        Instant issued = now.get();
        return OAuth2Authorization.withRegisteredClient(client).id(id).principalName("kw")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-" + id, issued, issued.plus(access)))
                .refreshToken(new OAuth2RefreshToken("refresh-" + id, issued, issued.plus(refresh)))
                .build();
    }

    @Test
    void forgetsAnAuthorizationOnlyOnceEveryTokenInItHasExpired() {
        ExpiringAuthorizations store = new ExpiringAuthorizations(clock);
        store.save(authorization("short", Duration.ofMinutes(15), Duration.ofMinutes(30)));
        store.save(authorization("long", Duration.ofMinutes(15), Duration.ofHours(8)));

        now.set(now.get().plus(Duration.ofMinutes(20)));
        store.save(authorization("trigger", Duration.ofMinutes(15), Duration.ofHours(8)));
        assertThat(store.findById("short")).as("refresh token still valid").isNotNull();

        now.set(now.get().plus(Duration.ofMinutes(20)));
        store.save(authorization("trigger2", Duration.ofMinutes(15), Duration.ofHours(8)));
        assertThat(store.findById("short")).isNull();
        assertThat(store.findByToken("refresh-short", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(store.findByToken("refresh-long", OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
        assertThat(store.size()).isEqualTo(3);
    }
}
