package org.goldenthread.node.federation;

import java.net.URI;
import java.time.Duration;
import org.goldenthread.federation.grant.GrantVerifier;
import org.goldenthread.node.NodeProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Grants are verified against consent-service's published keys, fetched lazily and cached. */
@Configuration
class FederationConfiguration {

    @Bean
    GrantVerifier grantVerifier(NodeProperties node, @Value("${goldenthread.consent.url}") String consentUrl,
            @Value("${goldenthread.consent.jwks-timeout:2s}") Duration timeout) {
        String base = consentUrl.endsWith("/") ? consentUrl.substring(0, consentUrl.length() - 1) : consentUrl;
        return GrantVerifier.forJwksUri(node.agencyId(), URI.create(base + "/.well-known/jwks.json"), timeout);
    }
}
