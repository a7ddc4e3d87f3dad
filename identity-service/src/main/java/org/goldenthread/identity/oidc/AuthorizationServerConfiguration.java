package org.goldenthread.identity.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import org.goldenthread.identity.token.TokenProperties;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.platform.keys.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The beans Spring Authorization Server looks up. Wired here rather than by Boot's
 * auto-configuration, which this module deliberately leaves off the class path (see the pom).
 *
 * <p>Authorizations (codes, refresh tokens) are kept in memory: the embedded store has no
 * multi-document transactions and an authorization is short-lived, so a restart costs users one
 * sign-in and nothing else (access tokens are self-contained and keep verifying). Expired ones
 * are dropped ({@link ExpiringAuthorizations}).
 */
@Configuration
@EnableConfigurationProperties(ClientProperties.class)
public class AuthorizationServerConfiguration {

    /** Same place as before the authorization server existed, so every verifier keeps its URL. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    RegisteredClientRepository registeredClients(ClientProperties clients, TokenProperties tokens) {
        ConfiguredClients configured = new ConfiguredClients(clients, tokens.tokenTtl());
        log.info("OAuth2 clients registered: {}", configured.clientIds());
        return configured;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(TokenProperties tokens) {
        return AuthorizationServerSettings.builder()
                .issuer(tokens.issuer())
                .jwkSetEndpoint(JWKS_PATH)
                .build();
    }

    /** The public keys only: signing goes through {@link #jwtEncoder}, never through this source. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(keys.publicJwks());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new SigningKeysJwtEncoder(keys);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> userTokenClaims(UserDirectory users) {
        return new UserTokenClaims(users);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(Clock clock) {
        return new ExpiringAuthorizations(clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService() {
        return new InMemoryOAuth2AuthorizationConsentService();
    }
}
