package org.goldenthread.gateway;

import java.util.Base64;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production gateway booted for a test against loopback stand-ins: identity-service (JWKS and
 * registry), consent-service (decisions and outcomes), a test linkage key, port 0.
 */
final class TestGateway {

    private TestGateway() {
    }

    /** @param more further arguments, e.g. a rate limit or node deadline for the test at hand */
    static ConfigurableApplicationContext run(FakeIdentity identity, FakeConsent consent, String... more) {
        return GatewayApplication.application().run(Stream.concat(Stream.of(
                "--server.port=0",
                "--goldenthread.identity.url=" + identity.url(),
                "--goldenthread.consent.url=" + consent.url(),
                "--goldenthread.outcomes.url=" + consent.url(),
                "--goldenthread.linkage.key-id=test",
                "--goldenthread.linkage.key=" + Base64.getEncoder().encodeToString(new byte[32])), Stream.of(more))
                .toArray(String[]::new));
    }
}
