package org.goldenthread.identity.oidc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OAuth2 clients of the partnership, from deployment configuration. A client whose required
 * settings are missing is simply not registered, so no client exists with a default secret.
 *
 * @param portal public client (PKCE, no secret) for the browser portal or developer tools
 * @param gatewayBff the gateway as backend-for-frontend: confidential, authorization code + PKCE, refresh tokens
 * @param outcomesService a service client: client credentials only
 * @param refreshTokenTtl how long a refresh token lives (default 8 hours, one working day)
 */
@ConfigurationProperties("goldenthread.identity.clients")
public record ClientProperties(Interactive portal, Interactive gatewayBff, Service outcomesService,
        Duration refreshTokenTtl) {

    public ClientProperties {
        portal = portal == null ? new Interactive(null, null, null, null) : portal;
        gatewayBff = gatewayBff == null ? new Interactive(null, null, null, null) : gatewayBff;
        outcomesService = outcomesService == null ? new Service(null) : outcomesService;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(8) : refreshTokenTtl;
        requireSecret("portal", portal.secret(), false);
        requireSecret("gateway-bff", gatewayBff.secret(), true);
        requireSecret("outcomes-service", outcomesService.secret(), true);
        requireUri("portal", portal.redirectUri());
        requireUri("portal", portal.postLogoutRedirectUri());
        requireUri("gateway-bff", gatewayBff.redirectUri());
        requireUri("gateway-bff", gatewayBff.postLogoutRedirectUri());
    }

    /**
     * A client a person signs in through.
     *
     * @param secret the client secret (confidential clients only)
     * @param redirectUri where the authorization code is sent; the client is registered only when set
     * @param postLogoutRedirectUri where OpenID Connect logout may send the browser afterwards
     * @param requirePkce whether a code_challenge is required (default true)
     */
    public record Interactive(String secret, String redirectUri, String postLogoutRedirectUri, Boolean requirePkce) {
        public Interactive {
            requirePkce = requirePkce == null || requirePkce;
        }
    }

    /** @param secret the client secret; the client is registered only when set */
    public record Service(String secret) {
    }

    private static void requireSecret(String client, String secret, boolean allowed) {
        if (secret == null) {
            return;
        }
        if (!allowed) {
            throw new IllegalArgumentException("goldenthread.identity.clients." + client + " is a public client: no secret");
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        // bcrypt hashes the secret and reads at most 72 bytes; under 32 is guessable.
        if (bytes < 32 || bytes > 72) {
            throw new IllegalArgumentException("goldenthread.identity.clients." + client + ".secret must be 32-72 bytes");
        }
    }

    private static void requireUri(String client, String uri) {
        if (uri == null) {
            return;
        }
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getFragment() != null) {
                throw new IllegalArgumentException("goldenthread.identity.clients." + client
                        + ": redirect URIs are absolute and have no fragment");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("goldenthread.identity.clients." + client + ": not a URI", e);
        }
    }
}
