package org.goldenthread.gateway.bff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway as backend-for-frontend for the browser portal: an OAuth2 confidential client of
 * identity-service. Browser sign-in exists only when {@code client-secret} is set, so no
 * deployment runs it with a default secret.
 *
 * @param clientId the client registered at identity-service (default {@code gateway-bff})
 * @param clientSecret its secret (from the deployment's secret store); unset = no browser sign-in
 * @param afterSignIn where the browser goes once signed in (the portal's entry page)
 * @param afterSignOut where identity-service sends the browser after signing out; must be
 *        registered there as the client's post-logout redirect URI ({baseUrl} allowed)
 */
@ConfigurationProperties("goldenthread.gateway.bff")
public record BffProperties(String clientId, String clientSecret, String afterSignIn, String afterSignOut) {

    /** The registration id, also the last segment of the callback path. */
    public static final String REGISTRATION_ID = "golden-thread";

    public BffProperties {
        clientId = clientId == null ? "gateway-bff" : clientId;
        afterSignIn = afterSignIn == null ? "/" : afterSignIn;
        afterSignOut = afterSignOut == null ? "{baseUrl}/" : afterSignOut;
    }

    public boolean enabled() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
