package org.goldenthread.consent.registry;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The agencies' profiles ({@link AgencyProfile}) from identity-service's registry, read at start and then every
 * {@code goldenthread.consent.registry.refresh}. Decisions never wait for the registry: they read the last snapshot.
 * Fail closed: until the registry has been read once, and for an agency it does not list, every category counts as
 * sensitive and the agency's involvement as disclosing health and substance misuse, so nothing special leaves on
 * an unread registry. A failed refresh keeps the last snapshot (a registry outage does not loosen anything).
 */
@Component
@EnableConfigurationProperties(RegistryProperties.class)
public class AgencyProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyProfiles.class);
    static final AgencyProfile UNKNOWN = new AgencyProfile(Categories.ALL, Categories.SPECIAL);

    private final RestClient registry;
    private final ScheduledExecutorService refresher;
    private volatile Map<String, AgencyProfile> profiles;

    /** @param identityUrl identity-service's base URL: its registry is {@code /api/identity/agencies} */
    AgencyProfiles(RegistryProperties properties, @Value("${goldenthread.identity.url}") String identityUrl) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        this.registry = RestClient.builder().baseUrl(identityUrl).requestFactory(timeouts).build();
        refresh();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "agency-registry-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.refresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    /** The agency's profile; the fail-closed {@link #UNKNOWN} when the registry was never read or does not list it. */
    public AgencyProfile of(String agency) {
        Map<String, AgencyProfile> snapshot = profiles;
        AgencyProfile profile = snapshot == null ? null : snapshot.get(agency);
        return profile == null ? UNKNOWN : profile;
    }

    /** Shorthand: the categories a consent releases from {@code agency} only once its DPO has acknowledged it. */
    public Set<DataCategory> sensitive(String agency) {
        return of(agency).sensitive();
    }

    /** Shorthand: the categories the mere fact of {@code agency}'s involvement discloses. */
    public Set<DataCategory> involvementReveals(String agency) {
        return of(agency).involvementReveals();
    }

    /** Reads the registry now; keeps the last snapshot when it cannot. */
    public final void refresh() {
        try {
            List<Registered> listed = registry.get().uri("/api/identity/agencies").retrieve()
                    .body(new org.springframework.core.ParameterizedTypeReference<List<Registered>>() { });
            Map<String, AgencyProfile> read = new HashMap<>();
            for (Registered agency : listed == null ? List.<Registered>of() : listed) {
                read.put(agency.id(), agency.profile());
            }
            profiles = Map.copyOf(read);
        } catch (RestClientException | IllegalArgumentException e) {
            LOG.atWarn().addKeyValue("registry.error", e.getClass().getSimpleName())
                    .log("agency registry not read ({}); decisions keep the last profiles read, or treat every "
                            + "agency as wholly sensitive when none were", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** The part of a registry entry this service reads; other fields are ignored. */
    record Registered(String id, List<String> sensitiveCategories, List<String> involvementReveals) {

        AgencyProfile profile() {
            Set<DataCategory> sensitive = EnumSet.copyOf(Categories.SPECIAL);
            sensitive.addAll(categories(sensitiveCategories));
            return new AgencyProfile(sensitive, categories(involvementReveals));
        }

        /** A name outside this service's vocabulary throws, and the whole read is kept out (fail closed). */
        private static Set<DataCategory> categories(List<String> names) {
            Set<DataCategory> found = EnumSet.noneOf(DataCategory.class);
            if (names != null) {
                names.forEach(n -> found.add(Vocabulary.category(n)));
            }
            return found;
        }
    }
}
