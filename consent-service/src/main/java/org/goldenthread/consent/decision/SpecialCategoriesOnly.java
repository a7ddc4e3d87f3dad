package org.goldenthread.consent.decision;

import java.util.Set;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.stereotype.Component;

/**
 * Until the agency registry is wired in ({@code registry.AgencyProfiles#sensitive}): the special categories for
 * every agency, the floor any registry answer keeps.
 */
@Component
class SpecialCategoriesOnly implements SensitiveCategories {

    @Override
    public Set<DataCategory> of(String agency) {
        return Categories.SPECIAL;
    }
}
