package org.goldenthread.identity.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.text.ParseException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.keys.SigningKeys;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * Signs the authorization server's tokens with the service's {@link SigningKeys}, the keys that
 * sign {@code POST /api/identity/login} tokens and that {@code /.well-known/jwks.json} publishes,
 * so a token verifies the same whichever path issued it. The private keys never leave
 * {@code SigningKeys}; it always signs ES256 with its newest key, and only the header's
 * {@code typ} is taken from the request.
 */
final class SigningKeysJwtEncoder implements JwtEncoder {

    private final SigningKeys keys;

    SigningKeysJwtEncoder(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) {
        JwsHeader header = parameters.getJwsHeader();
        String type = header != null && header.getType() != null ? header.getType() : "JWT";
        JwtClaimsSet claims = parameters.getClaims();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.getClaims().forEach((name, value) -> builder.claim(name, nimbusValue(value)));
        String compact = keys.sign(builder.build(), type);
        try {
            SignedJWT signed = SignedJWT.parse(compact);
            return new Jwt(compact, claims.getIssuedAt(), claims.getExpiresAt(), signed.getHeader().toJSONObject(),
                    claims.getClaims());
        } catch (ParseException e) {
            throw new JwtEncodingException("signed token cannot be read back", e);
        }
    }

    private static Object nimbusValue(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant); // Nimbus writes Dates as NumericDate (seconds)
        }
        if (value instanceof URL url) {
            return url.toExternalForm();
        }
        if (value instanceof Collection<?> values) {
            return List.copyOf(values.stream().map(SigningKeysJwtEncoder::nimbusValue).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        return value;
    }
}
