package org.goldenthread.identity.oidc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered clients, built once from {@link ClientProperties} and read-only. They live in
 * configuration rather than the store because the partnership's clients are part of its
 * deployment (the gateway, the services), their secrets come from the deployment's secret store,
 * and nobody registers clients at run time; a database copy would only be a second place for a
 * secret to leak from and to drift. Secrets are kept only as bcrypt hashes in memory.
 */
final class ConfiguredClients implements RegisteredClientRepository {

    static final String PORTAL = "portal";
    static final String GATEWAY_BFF = "gateway-bff";
    static final String OUTCOMES_SERVICE = "outcomes-service";
    static final String SERVICE_SCOPE = "service";

    private final Map<String, RegisteredClient> byClientId;

    ConfiguredClients(ClientProperties properties, Duration accessTokenTtl) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTokenTtl)
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        if (properties.portal().redirectUri() != null) {
            clients.add(interactive(PORTAL, properties.portal(), tokens)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .build());
        }
        ClientProperties.Interactive bff = properties.gatewayBff();
        if (bff.redirectUri() != null && bff.secret() != null) {
            clients.add(interactive(GATEWAY_BFF, bff, tokens)
                    .clientSecret(encoder.encode(bff.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .build());
        }
        if (properties.outcomesService().secret() != null) {
            clients.add(RegisteredClient.withId(OUTCOMES_SERVICE)
                    .clientId(OUTCOMES_SERVICE)
                    .clientSecret(encoder.encode(properties.outcomesService().secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(SERVICE_SCOPE)
                    .tokenSettings(tokens)
                    .build());
        }
        this.byClientId = clients.stream().collect(Collectors.toUnmodifiableMap(RegisteredClient::getClientId,
                Function.identity()));
    }

    private static RegisteredClient.Builder interactive(String clientId, ClientProperties.Interactive client,
            TokenSettings tokens) {
        RegisteredClient.Builder builder = RegisteredClient.withId(clientId)
                .clientId(clientId)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(client.redirectUri())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                // First-party clients of the partnership: the user's employer, not the user, consents.
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(client.requirePkce())
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens);
        if (client.postLogoutRedirectUri() != null) {
            builder.postLogoutRedirectUri(client.postLogoutRedirectUri());
        }
        return builder;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients come from configuration (goldenthread.identity.clients)");
    }

    @Override
    public RegisteredClient findById(String id) {
        return byClientId.values().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clientId == null ? null : byClientId.get(clientId);
    }

    /** The registered client ids, for the start-up log. */
    List<String> clientIds() {
        return byClientId.keySet().stream().sorted().toList();
    }
}
