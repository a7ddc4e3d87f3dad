package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.registry.AgencyProfiles;
import org.goldenthread.proto.common.v1.DataCategory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agencies' profiles as consent-service reads them from the registry, and what it assumes when it cannot. */
class AgencyProfilesTest {

    @TempDir
    static Path data;
    static RunningConsentService service;
    static AgencyProfiles profiles;

    @BeforeAll
    static void boot() throws Exception {
        service = RunningConsentService.boot(data);
        profiles = service.context.getBean(AgencyProfiles.class);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void readsWhatTheRegistrySaysAndAlwaysCountsHealthAsSensitive() {
        service.identity.registry("[" + TestIdentity.agency("housing", "[\"FINANCE\"]", "[]") + ","
                + TestIdentity.agency("mentalhealth", "[]", "[\"HEALTH_MENTAL\"]") + "]");
        profiles.refresh();
        assertThat(profiles.sensitive("housing")).containsAll(Categories.SPECIAL).contains(DataCategory.DATA_CATEGORY_FINANCE)
                .doesNotContain(DataCategory.DATA_CATEGORY_HOUSING);
        assertThat(profiles.involvementReveals("housing")).isEmpty();
        assertThat(profiles.involvementReveals("mentalhealth")).containsExactly(DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
        service.identity.registry(TestIdentity.DEMO_REGISTRY);
        profiles.refresh();
    }

    @Test
    void treatsAnAgencyTheRegistryDoesNotListAsWhollySensitive() {
        assertThat(profiles.sensitive("unlisted")).isEqualTo(Categories.ALL);
        assertThat(profiles.involvementReveals("unlisted")).isEqualTo(Categories.SPECIAL);
    }

    @Test
    void keepsTheLastProfilesWhenTheRegistryAnswersSomethingItCannotRead() {
        service.identity.registry(TestIdentity.TRUST_MARKED_REGISTRY);
        profiles.refresh();
        service.identity.registry("[" + TestIdentity.agency("police", "[\"GOSSIP\"]", "[]") + "]");
        profiles.refresh();
        assertThat(profiles.involvementReveals("mentalhealth")).containsExactly(DataCategory.DATA_CATEGORY_HEALTH_MENTAL);
        service.identity.registry("not json");
        profiles.refresh();
        assertThat(profiles.sensitive("police")).isEqualTo(Categories.SPECIAL);
        service.identity.registry(TestIdentity.DEMO_REGISTRY);
        profiles.refresh();
    }
}
