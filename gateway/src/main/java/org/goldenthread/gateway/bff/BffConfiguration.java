package org.goldenthread.gateway.bff;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;

/**
 * Browser sign-in through identity-service (authorization code + PKCE, confidential client),
 * present only when the client secret is configured. Tokens stay in the gateway's server-side
 * session; the browser holds only an opaque session cookie.
 *
 * <p>The registration is built from the configured identity URLs instead of discovery, so the
 * gateway starts even while identity-service is still starting: the authorize URL is where browsers
 * reach identity-service ({@code goldenthread.identity.browser-url}, by default the issuer, as in
 * {@code k8s/} where the issuer is the hub's public address), the token and key URLs are the service
 * address (the gateway calls them). The issuer itself is a stable configured name, never a port.
 */
@Configuration
@ConditionalOnProperty("goldenthread.gateway.bff.client-secret")
@EnableConfigurationProperties(BffProperties.class)
class BffConfiguration {

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(BffProperties bff,
            @Value("${goldenthread.identity.url}") String identityUrl,
            @Value("${goldenthread.identity.issuer}") String issuer,
            @Value("${goldenthread.identity.browser-url:${goldenthread.identity.issuer}}") String browserUrl) {
        String service = identityUrl.replaceAll("/+$", "");
        String browser = browserUrl.replaceAll("/+$", "");
        ClientRegistration registration = ClientRegistration.withRegistrationId(BffProperties.REGISTRATION_ID)
                .clientId(bff.clientId())
                .clientSecret(bff.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(browser + "/oauth2/authorize")
                .tokenUri(service + "/oauth2/token")
                .jwkSetUri(service + "/.well-known/jwks.json")
                .issuerUri(issuer)
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/connect/logout"))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** In the session: a user's tokens go when their session goes, and never to another session. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session's access token, refreshing it (rotating the refresh token) when it has expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /** identity-service signs ID tokens with ES256 (the client library assumes RS256). */
    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
        ReactiveOidcIdTokenDecoderFactory factory = new ReactiveOidcIdTokenDecoderFactory();
        factory.setJwsAlgorithmResolver(registration -> SignatureAlgorithm.ES256);
        return factory;
    }

    @Bean
    BrowserSignIn browserSignIn(BffProperties bff, ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveOAuth2AuthorizedClientManager manager) {
        return new BrowserSignIn(bff, registrations, authorizedClients, manager);
    }
}
