package org.goldenthread.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Provenance;
import org.goldenthread.proto.node.v1.Case;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.PlanAction;
import org.goldenthread.proto.node.v1.RagChange;
import org.goldenthread.proto.node.v1.TimelineEvent;
import org.junit.jupiter.api.Test;

class ScopeGuardTest {

    private static Provenance from(String agency, DataCategory category) {
        return Provenance.newBuilder().setAgencyId(agency).setRecordId("r").setCategory(category).build();
    }

    private static final Set<DataCategory> CRIME_ONLY = Set.of(DataCategory.DATA_CATEGORY_CRIME);

    @Test
    void keepsEverythingInsideTheGrant() {
        GetSubjectRecordResponse record = GetSubjectRecordResponse.newBuilder()
                .addCases(Case.newBuilder().setCaseId("c").setProvenance(from("police", DataCategory.DATA_CATEGORY_CRIME)))
                .addEvents(TimelineEvent.newBuilder().setEventId("e").setProvenance(from("police", DataCategory.DATA_CATEGORY_CRIME)))
                .build();
        ScopeGuard.Screened screened = ScopeGuard.screen("police", CRIME_ONLY, record);
        assertThat(screened.withheld()).isZero();
        assertThat(screened.record()).isEqualTo(record);
    }

    @Test
    void withholdsItemsOfCategoriesOutsideTheGrant() {
        GetSubjectRecordResponse record = GetSubjectRecordResponse.newBuilder()
                .addEvents(TimelineEvent.newBuilder().setEventId("ok").setProvenance(from("police", DataCategory.DATA_CATEGORY_CRIME)))
                .addEvents(TimelineEvent.newBuilder().setEventId("leak").setProvenance(from("police", DataCategory.DATA_CATEGORY_HEALTH_MENTAL)))
                .addPlanActions(PlanAction.newBuilder().setActionId("a").setProvenance(from("police", DataCategory.DATA_CATEGORY_SAFEGUARDING)))
                .addRagHistory(RagChange.newBuilder().setCaseId("c").setProvenance(from("police", DataCategory.DATA_CATEGORY_UNSPECIFIED)))
                .build();
        ScopeGuard.Screened screened = ScopeGuard.screen("police", CRIME_ONLY, record);
        assertThat(screened.withheld()).isEqualTo(3);
        assertThat(screened.record().getEventsList()).extracting(TimelineEvent::getEventId).containsExactly("ok");
        assertThat(screened.record().getPlanActionsList()).isEmpty();
        assertThat(screened.record().getRagHistoryList()).isEmpty();
    }

    @Test
    void withholdsItemsClaimingToComeFromAnotherAgency() {
        GetSubjectRecordResponse record = GetSubjectRecordResponse.newBuilder()
                .addCases(Case.newBuilder().setCaseId("c").setProvenance(from("mentalhealth", DataCategory.DATA_CATEGORY_CRIME)))
                .build();
        ScopeGuard.Screened screened = ScopeGuard.screen("police", CRIME_ONLY, record);
        assertThat(screened.withheld()).isEqualTo(1);
        assertThat(screened.record().getCasesList()).isEmpty();
    }

    @Test
    void withholdsItemsTaggedInvolvementEvenWhenInvolvementWasGranted() {
        GetSubjectRecordResponse record = GetSubjectRecordResponse.newBuilder()
                .addCases(Case.newBuilder().setCaseId("c").setProvenance(from("police", DataCategory.DATA_CATEGORY_INVOLVEMENT)))
                .addEvents(TimelineEvent.newBuilder().setEventId("e").setProvenance(from("police", DataCategory.DATA_CATEGORY_CRIME)))
                .build();
        ScopeGuard.Screened screened = ScopeGuard.screen("police",
                Set.of(DataCategory.DATA_CATEGORY_CRIME, DataCategory.DATA_CATEGORY_INVOLVEMENT), record);
        assertThat(screened.withheld()).isEqualTo(1);
        assertThat(screened.record().getCasesList()).isEmpty();
        assertThat(screened.record().getEventsList()).extracting(TimelineEvent::getEventId).containsExactly("e");
    }
}
