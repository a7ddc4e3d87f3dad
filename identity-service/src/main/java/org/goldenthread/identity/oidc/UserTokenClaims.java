package org.goldenthread.identity.oidc;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.goldenthread.identity.token.AccessTokens;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.identity.user.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Makes the authorization server's access tokens the Golden Thread access token every service
 * already checks (as {@link AccessTokens} issues them): ES256, {@code typ at+jwt}, audience
 * {@code golden-thread}, and the user's {@code agency}, {@code roles} and {@code name}, and
 * {@code auth_time}, when they signed in.
 *
 * <p>The user is read from the directory for every token, refreshes included, so a disabled user
 * gets no new token and a role change reaches the next token; a token for a user who is no longer
 * active is refused as {@code invalid_grant}.
 */
final class UserTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserDirectory users;

    UserTokenClaims(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
        boolean serviceClient = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getJwsHeader().type(AccessTokens.TYPE);
            context.getClaims()
                    .audience(List.of(AccessTokens.AUDIENCE))
                    .claim("client_id", context.getRegisteredClient().getClientId());
            if (serviceClient) {
                // A service acts for no person: no agency and no user roles.
                context.getClaims().claim("roles", List.of());
                return;
            }
            UserView user = activeUser(context);
            context.getClaims()
                    .claim("agency", user.agency())
                    .claim("roles", user.roles().stream().sorted().map(Role::name).toList())
                    .claim("name", user.displayName());
            signInTime(context.getPrincipal()).ifPresent(at -> context.getClaims().claim("auth_time", at.getEpochSecond()));
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) && !serviceClient) {
            UserView user = activeUser(context);
            context.getClaims().claim("name", user.displayName()).claim("agency", user.agency());
        }
    }

    /**
     * When the user signed in: the latest factor of the sign-in behind the authorization (a refresh keeps the
     * original principal, so a refreshed token keeps the original time). A dangerous change asks for a recent one.
     */
    private static Optional<Instant> signInTime(Authentication principal) {
        return principal.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(a -> ((FactorGrantedAuthority) a).getIssuedAt())
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }

    private UserView activeUser(JwtEncodingContext context) {
        return users.findActive(context.getPrincipal().getName())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
    }
}
