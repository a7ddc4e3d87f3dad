package org.goldenthread.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.proto.common.v1.DataCategory.DATA_CATEGORY_HEALTH_MENTAL;
import static org.goldenthread.proto.common.v1.DataCategory.DATA_CATEGORY_HOUSING;
import static org.goldenthread.proto.common.v1.DataCategory.DATA_CATEGORY_INVOLVEMENT;
import static org.goldenthread.proto.common.v1.DataCategory.DATA_CATEGORY_SUBSTANCE_MISUSE;

import java.util.Set;
import org.goldenthread.proto.common.v1.Purpose;
import org.junit.jupiter.api.Test;

class InvolvementRuleTest {

    private static final Set<org.goldenthread.proto.common.v1.DataCategory> MENTAL = Set.of(DATA_CATEGORY_HEALTH_MENTAL);

    @Test
    void anAgencyWhoseInvolvementDisclosesNothingIsNeverWithheldByIt() {
        assertThat(InvolvementRule.withholds("housing", "police", Set.of(), Set.of(DATA_CATEGORY_INVOLVEMENT), Set.of()))
                .isEmpty();
    }

    @Test
    void anAgreementSharingOnlyInvolvementDoesNotReleaseATrustWhoseInvolvementIsHealthData() {
        assertThat(InvolvementRule.withholds("mentalhealth", "police", MENTAL, Set.of(DATA_CATEGORY_INVOLVEMENT), Set.of()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("HEALTH_MENTAL", "no consent or sharing agreement",
                        "not even whether it is involved"));
    }

    @Test
    void aDenyOfWhatTheInvolvementDisclosesWithholdsEverythingFromThatAgency() {
        assertThat(InvolvementRule.withholds("mentalhealth", "police", MENTAL,
                Set.of(DATA_CATEGORY_INVOLVEMENT, DATA_CATEGORY_SUBSTANCE_MISUSE), MENTAL))
                .hasValueSatisfying(reason -> assertThat(reason).contains("consent denies to police"));
    }

    @Test
    void whereTheBasisNamesWhatTheInvolvementDisclosesTheDecisionStands() {
        assertThat(InvolvementRule.withholds("mentalhealth", "council", MENTAL,
                Set.of(DATA_CATEGORY_INVOLVEMENT, DATA_CATEGORY_HEALTH_MENTAL), Set.of())).isEmpty();
    }

    @Test
    void coordinationReleasesInvolvementAndWhatItDisclosesOnly() {
        Set<org.goldenthread.proto.common.v1.DataCategory> wide = Set.of(DATA_CATEGORY_INVOLVEMENT, DATA_CATEGORY_HOUSING);
        assertThat(InvolvementRule.forPurpose(Purpose.PURPOSE_COORDINATION, wide, Set.of()))
                .containsExactly(DATA_CATEGORY_INVOLVEMENT);
        assertThat(InvolvementRule.forPurpose(Purpose.PURPOSE_COORDINATION, Set.of(DATA_CATEGORY_INVOLVEMENT), MENTAL))
                .containsExactlyInAnyOrder(DATA_CATEGORY_INVOLVEMENT, DATA_CATEGORY_HEALTH_MENTAL);
        assertThat(InvolvementRule.forPurpose(Purpose.PURPOSE_COORDINATION, Set.of(DATA_CATEGORY_HOUSING), Set.of())).isEmpty();
        assertThat(InvolvementRule.forPurpose(Purpose.PURPOSE_CASE_MANAGEMENT, wide, MENTAL)).isEqualTo(wide);
    }
}
