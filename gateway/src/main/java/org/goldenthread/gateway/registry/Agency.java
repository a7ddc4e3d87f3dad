package org.goldenthread.gateway.registry;

import java.util.List;

/** An agency as the identity-service registry describes it. */
public record Agency(
        String id,
        String name,
        String grpcTarget,
        String restUrl,
        String certificateFingerprint,
        List<String> categories,
        String status) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
