package org.goldenthread.identity.token;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserView;
import org.goldenthread.platform.keys.SigningKeys;
import org.goldenthread.platform.web.AccessTokenValidation;
import org.springframework.stereotype.Component;

/**
 * Issues Golden Thread user access tokens: ES256 JWS typed {@code at+jwt} (RFC 9068), with the
 * user's agency, roles and display name, for the audience every Golden Thread service checks, and
 * {@code auth_time}: when the user signed in, so a dangerous change can ask for a recent sign-in.
 */
@Component
public class AccessTokens {

    public static final String TYPE = "at+jwt";
    public static final String AUDIENCE = AccessTokenValidation.AUDIENCE;

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedToken issue(UserView user) {
        // Whole seconds: JWT times are NumericDate, and expires_in must agree with exp.
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plusSeconds(properties.tokenTtl().toSeconds());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(user.username())
                .audience(List.of(AUDIENCE))
                .claim("agency", user.agency())
                .claim("roles", user.roles().stream().sorted().map(Role::name).toList())
                .claim("name", user.displayName())
                .issueTime(Date.from(now))
                // Issued right after the password and second factor were checked: RecentAuthentication reads it.
                .claim("auth_time", now.getEpochSecond())
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new IssuedToken(keys.sign(claims, TYPE), properties.tokenTtl().toSeconds());
    }
}
