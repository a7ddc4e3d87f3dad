package org.goldenthread.gateway.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's copy of the agency registry. Refreshed on a schedule; when identity-service
 * cannot answer, the last good copy stays in use, so a registry outage does not stop
 * federation. A suspended agency drops out of fan-out at the next refresh, with no redeploy.
 */
@Component
public class AgencyDirectory {

    private static final Logger log = LoggerFactory.getLogger(AgencyDirectory.class);

    private final AgencyRegistryClient registry;
    private final AtomicReference<Map<String, Agency>> current = new AtomicReference<>();

    AgencyDirectory(AgencyRegistryClient registry) {
        this.registry = registry;
    }

    /** The registry, loading it first if no copy is held yet. Never blocks the caller's thread. */
    public Mono<Map<String, Agency>> agencies() {
        Map<String, Agency> held = current.get();
        if (held != null) {
            return Mono.just(held);
        }
        return Mono.fromCallable(this::refresh).subscribeOn(Schedulers.boundedElastic());
    }

    public Optional<Agency> held(String agencyId) {
        Map<String, Agency> held = current.get();
        return held == null ? Optional.empty() : Optional.ofNullable(held.get(agencyId));
    }

    @Scheduled(fixedDelayString = "${goldenthread.gateway.registry-refresh:30s}",
            initialDelayString = "${goldenthread.gateway.registry-refresh:30s}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("agency registry unavailable ({}); keeping the last good copy", e.getClass().getSimpleName());
        }
    }

    /** Reads the registry now; throws when it cannot and no copy is held. */
    public Map<String, Agency> refresh() {
        List<Agency> agencies = registry.agencies();
        Map<String, Agency> byId = agencies.stream()
                .collect(Collectors.toUnmodifiableMap(Agency::id, Function.identity(), (a, b) -> b));
        current.set(byId);
        return byId;
    }
}
