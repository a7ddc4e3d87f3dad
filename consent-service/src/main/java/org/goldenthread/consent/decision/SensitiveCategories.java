package org.goldenthread.consent.decision;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * The categories a source agency's data-protection officer must acknowledge a consent for before it releases
 * them: always the special categories (UK GDPR art. 9), plus any the agency marks sensitive in the registry.
 * Fail closed: when the registry cannot be read, every category (and an involvement disclosing every special one).
 */
@FunctionalInterface
public interface SensitiveCategories {

    Set<DataCategory> of(String agency);

    /**
     * The categories the mere fact of {@code agency}'s involvement discloses (the registry's
     * {@code involvementReveals}: a mental-health trust's, HEALTH_MENTAL); see {@link InvolvementRule}. None unless
     * the registry says so.
     */
    default Set<DataCategory> revealedByInvolvement(String agency) {
        return Set.of();
    }
}
