package org.goldenthread.identity.token;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import org.goldenthread.platform.keys.SigningKeys;
import org.goldenthread.platform.web.AccessTokenValidation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

@Configuration
@EnableConfigurationProperties(TokenProperties.class)
class TokenConfiguration {

    @Bean
    SigningKeys signingKeys(MongoDatabase database, Clock clock) {
        return new SigningKeys(database, clock);
    }

    /**
     * Validates this service's own access tokens exactly as every Golden Thread resource server
     * does ({@link AccessTokenValidation}: ES256 signature, issuer, audience, type, expiry), but
     * takes the public keys from {@link SigningKeys} in-process instead of fetching its own
     * {@code /.well-known/jwks.json}: that self-call would need the port before it is bound (port 0
     * in tests and in the one-JVM launcher). The keys are the very ones that endpoint serves.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties properties) {
        JWKSource<SecurityContext> published = (selector, context) -> selector.select(keys.publicJwks());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(published)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .jwtProcessorCustomizer(AccessTokenValidation::fastEs256)
                .build();
        decoder.setJwtValidator(AccessTokenValidation.validator(properties.issuer()));
        return decoder;
    }
}
