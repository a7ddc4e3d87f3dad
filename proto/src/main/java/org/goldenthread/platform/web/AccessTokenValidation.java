package org.goldenthread.platform.web;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.util.List;
import org.goldenthread.platform.keys.Es256Verifier;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * How every service validates a Golden Thread access token: ES256 signature against
 * identity-service's JWKS, issuer, expiry, audience {@code golden-thread}, and type
 * {@code at+jwt} (RFC 9068) only: an ID token or any other plain {@code JWT} signed by the same key
 * is not an access token and is refused. One definition for the servlet services and
 * the reactive gateway, so they cannot drift apart.
 */
public final class AccessTokenValidation {

    public static final String AUDIENCE = "golden-thread";

    private AccessTokenValidation() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer) {
        JwtTypeValidator type = new JwtTypeValidator("at+jwt");
        type.setAllowEmpty(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                // Not JwtValidators.createDefaultWithIssuer: it insists on typ JWT since Spring Security 7.
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                type,
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE))));
    }

    public static NimbusJwtDecoder servletDecoder(String identityUrl, String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri(identityUrl))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .jwtProcessorCustomizer(AccessTokenValidation::fastEs256)
                .validateType(false)
                .build();
        decoder.setJwtValidator(validator(issuer));
        return decoder;
    }

    public static NimbusReactiveJwtDecoder reactiveDecoder(String identityUrl, String issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri(identityUrl))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .jwtProcessorCustomizer(AccessTokenValidation::fastEs256)
                .validateType(false)
                .build();
        decoder.setJwtValidator(validator(issuer));
        return decoder;
    }

    /** Every request verifies its token: Bouncy Castle's P-256 rather than JDK 17's slower SunEC. */
    public static <C extends SecurityContext> void fastEs256(ConfigurableJWTProcessor<C> processor) {
        processor.setJWSVerifierFactory(new Es256Verifier.Factory());
    }

    private static String jwksUri(String identityUrl) {
        return identityUrl.replaceAll("/+$", "") + "/.well-known/jwks.json";
    }
}
