package org.goldenthread.node.federation;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.stereotype.Component;

/**
 * The categories whose mere mention discloses them. The known-to facts are INVOLVEMENT, yet the team
 * of a case ("Early Intervention in Psychosis"), its lead worker and contact (a psychiatric nurse at
 * the trust's address) say what the case is about: for health and substance misuse, special category
 * data (UK GDPR Art. 9), and for whatever this agency marks sensitive
 * ({@code goldenthread.node.sensitive-categories}), those facts leave only under a grant that covers
 * the case's own category. A deny of HEALTH_MENTAL then withholds the team name too.
 */
@Component
class SensitiveCategories {

    /** Special category data under Art. 9 wherever it is held: every node treats these so. */
    static final Set<DataCategory> SPECIAL = Set.copyOf(EnumSet.of(DataCategory.DATA_CATEGORY_HEALTH_MENTAL,
            DataCategory.DATA_CATEGORY_HEALTH_PHYSICAL, DataCategory.DATA_CATEGORY_SUBSTANCE_MISUSE));

    private final Set<DataCategory> sensitive;

    SensitiveCategories(NodeProperties node) {
        Set<DataCategory> all = EnumSet.copyOf(SPECIAL);
        all.addAll(node.sensitiveCategorySet());
        this.sensitive = Set.copyOf(all);
    }

    /**
     * The cases whose lead worker, team and contact a call may show.
     *
     * @param covered the categories the grant's scope for this agency gives the call (within what it asked)
     */
    Predicate<CaseFile> factsShownUnder(Set<DataCategory> covered) {
        Set<DataCategory> held = Set.copyOf(covered);
        return c -> !sensitive.contains(c.category()) || held.contains(c.category());
    }
}
