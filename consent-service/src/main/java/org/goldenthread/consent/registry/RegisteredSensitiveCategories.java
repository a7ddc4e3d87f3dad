package org.goldenthread.consent.registry;

import java.util.Set;
import org.goldenthread.consent.decision.SensitiveCategories;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.stereotype.Component;

/**
 * What each source's data-protection officer must acknowledge before a consent releases it: the categories the
 * registry marks sensitive for the agency (always the special categories; every category when the registry could
 * not be read or does not list the agency: fail closed).
 */
@Component
class RegisteredSensitiveCategories implements SensitiveCategories {

    private final AgencyProfiles profiles;

    RegisteredSensitiveCategories(AgencyProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public Set<DataCategory> of(String agency) {
        return profiles.sensitive(agency);
    }

    @Override
    public Set<DataCategory> revealedByInvolvement(String agency) {
        return profiles.involvementReveals(agency);
    }
}
