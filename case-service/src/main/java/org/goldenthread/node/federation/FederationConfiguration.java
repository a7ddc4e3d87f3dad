package org.goldenthread.node.federation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.goldenthread.federation.grant.GrantReplays;
import org.goldenthread.federation.grant.GrantVerifier;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.NodeSecret;
import org.goldenthread.node.confirmation.ConfirmationRefs;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Grants are verified against consent-service's published keys, fetched lazily and cached, and
 * remembered once honoured; the node's own secret signs its confirmation references and page tokens.
 */
@Configuration
class FederationConfiguration {

    @Bean
    GrantVerifier grantVerifier(NodeProperties node, @Value("${goldenthread.consent.url}") String consentUrl,
            @Value("${goldenthread.consent.jwks-timeout:2s}") Duration timeout) {
        String base = consentUrl.endsWith("/") ? consentUrl.substring(0, consentUrl.length() - 1) : consentUrl;
        return GrantVerifier.forJwksUri(node.agencyId(), URI.create(base + "/.well-known/jwks.json"), timeout);
    }

    /** In memory, so per process: replicas of one node each keep their own (see the README). */
    @Bean
    GrantReplays grantReplays(NodeProperties node) {
        return new GrantReplays(node.grantReplay().capacity(), Clock.systemUTC());
    }

    @Bean
    NodeSecret nodeSecret(NodeProperties node) {
        NodeSecret secret = NodeSecret.of(node.confirmation());
        if (!secret.configured()) {
            LoggerFactory.getLogger(FederationConfiguration.class).info("goldenthread.node.confirmation.key is not set:"
                    + " a random node secret is used, so a restart voids open confirmation references and page tokens");
        }
        return secret;
    }

    @Bean
    ConfirmationRefs confirmationRefs(NodeSecret secret, NodeProperties node) {
        return new ConfirmationRefs(secret.derive(ConfirmationRefs.KEY_USE), node.confirmation().ttl(), Clock.systemUTC());
    }
}
