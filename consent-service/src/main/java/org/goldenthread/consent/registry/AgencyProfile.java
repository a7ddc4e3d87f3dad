package org.goldenthread.consent.registry;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * How careful the rules must be with one agency's data, as the registry describes it.
 *
 * @param sensitive the categories a consent releases only once the agency's DPO has acknowledged it: the special
 *     categories (health, substance misuse) and whatever the agency marks sensitive
 * @param involvementReveals the categories that the mere fact of the agency's involvement discloses: its
 *     INVOLVEMENT is released only where these are released too
 */
public record AgencyProfile(Set<DataCategory> sensitive, Set<DataCategory> involvementReveals) {

    public AgencyProfile {
        sensitive = Set.copyOf(sensitive);
        involvementReveals = Set.copyOf(involvementReveals);
    }
}
