package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenValidationTest {

    static final String ISSUER = "http://127.0.0.1:9000";
    final OAuth2TokenValidator<Jwt> validator = AccessTokenValidation.validator(ISSUER);

    static Jwt.Builder token() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("token")
                .header("alg", "ES256")
                .header("typ", "at+jwt")
                .issuer(ISSUER)
                .subject("user-7")
                .audience(List.of(AccessTokenValidation.AUDIENCE))
                .issuedAt(now.minusSeconds(30))
                .expiresAt(now.plusSeconds(300));
    }

    OAuth2TokenValidatorResult validate(Jwt jwt) {
        return validator.validate(jwt);
    }

    @Test
    void acceptsAnAccessTokenTypedAtJwt() {
        assertThat(validate(token().header("typ", "at+jwt").build()).hasErrors()).isFalse();
    }

    @Test
    void acceptsAnAudienceListThatIncludesGoldenThread() {
        assertThat(validate(token().audience(List.of("other", "golden-thread")).build()).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuer() {
        assertThat(validate(token().issuer("http://127.0.0.1:9001").build()).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenWithoutTheGoldenThreadAudience() {
        assertThat(validate(token().claims(c -> c.remove("aud")).build()).hasErrors()).isTrue();
        assertThat(validate(token().audience(List.of("another-api")).build()).hasErrors()).isTrue();
    }

    @Test
    void refusesAnExpiredToken() {
        Instant now = Instant.now();
        Jwt expired = token().issuedAt(now.minusSeconds(900)).expiresAt(now.minusSeconds(600)).build();
        assertThat(validate(expired).getErrors()).anySatisfy(e -> assertThat(e.getDescription()).containsIgnoringCase("expired"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "gt-grant+jwt", "JOSE", "dpop+jwt"})
    void refusesEveryOtherTypeSuchAsAnIdTokenOrAnAccessGrant(String type) {
        assertThat(validate(token().header("typ", type).build()).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenWithoutAType() {
        assertThat(validate(token().headers(h -> h.remove("typ")).build()).hasErrors()).isTrue();
    }
}
