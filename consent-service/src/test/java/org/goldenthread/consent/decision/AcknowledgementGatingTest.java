package org.goldenthread.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.decision.DecisionFixtures.*;
import static org.goldenthread.proto.common.v1.DataCategory.*;
import static org.goldenthread.proto.common.v1.Purpose.PURPOSE_CASE_MANAGEMENT;

import java.util.List;
import java.util.Set;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.consent.Scope;
import org.goldenthread.proto.common.v1.DataCategory;
import org.junit.jupiter.api.Test;

/**
 * A consent permit releases a source's special-category data (and what it marks sensitive), or anything at all
 * when it says "all", only once that source acknowledged the record's current revision; denies bind at once.
 */
class AcknowledgementGatingTest {

    static final Provision NAMED_HOUSING_AND_HEALTH = new Provision(ProvisionType.PERMIT, Scope.of(Set.of("housing")),
            Scope.of(Set.of("police")), Scope.of(Set.of(PURPOSE_CASE_MANAGEMENT)),
            Scope.of(Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_HEALTH_MENTAL)));
    static final Provision ALL_TO_POLICE = new Provision(ProvisionType.PERMIT, Scope.everything(),
            Scope.of(Set.of("police")), Scope.of(Set.of(PURPOSE_CASE_MANAGEMENT)), Scope.of(Set.of(DATA_CATEGORY_HOUSING)));
    static final ConsentRecord NAMED = consent("named", ConsentStatus.ACTIVE, START, END, NAMED_HOUSING_AND_HEALTH);
    static final ConsentRecord BLANKET = consent("blanket", ConsentStatus.ACTIVE, START, END, ALL_TO_POLICE);

    static AgencyDecision housing(Grounds grounds, Set<DataCategory> wanted) {
        return DecisionRules.decide("housing", "police", PURPOSE_CASE_MANAGEMENT, wanted, grounds, NOW);
    }

    static Grounds of(Acknowledged acknowledged, ConsentRecord... consents) {
        return new Grounds(List.of(consents), List.of(), List.of(), List.of(), acknowledged, Grounds.SPECIAL_ONLY);
    }

    @Test
    void unacknowledgedNamedPermitReleasesOnlyItsOrdinaryCategories() {
        AgencyDecision answer = housing(of(Acknowledged.NOTHING, NAMED), Set.of());

        assertThat(answer.outcome()).isEqualTo(Outcome.PERMIT);
        assertThat(answer.categories()).containsExactly(DATA_CATEGORY_HOUSING);
    }

    @Test
    void acknowledgedNamedPermitReleasesItsSpecialCategoryToo() {
        AgencyDecision answer = housing(of(Acknowledged.byAll(List.of(NAMED), List.of("housing")), NAMED), Set.of());

        assertThat(answer.categories()).containsExactlyInAnyOrder(DATA_CATEGORY_HOUSING, DATA_CATEGORY_HEALTH_MENTAL);
    }

    @Test
    void askingOnlyForTheSpecialCategoryBeforeAcknowledgementIsADenySayingWhoMustAcknowledge() {
        AgencyDecision answer = housing(of(Acknowledged.NOTHING, NAMED), Set.of(DATA_CATEGORY_HEALTH_MENTAL));

        assertThat(answer.outcome()).isEqualTo(Outcome.DENY);
        assertThat(answer.reason()).isEqualTo("the release waits for housing's data-protection officer to acknowledge "
                + "the consent recorded by council; no consent or sharing agreement covers HEALTH_MENTAL from housing "
                + "to police for CASE_MANAGEMENT");
    }

    @Test
    void anExplicitAllReleasesNothingBeforeAcknowledgementEvenOfOrdinaryData() {
        AgencyDecision before = housing(of(Acknowledged.NOTHING, BLANKET), Set.of());
        AgencyDecision after = housing(of(Acknowledged.byAll(List.of(BLANKET), List.of("housing")), BLANKET), Set.of());

        assertThat(before.outcome()).isEqualTo(Outcome.DENY);
        assertThat(before.reason()).startsWith("the release waits for housing's data-protection officer to "
                + "acknowledge the consent recorded by council; no consent or sharing agreement covers housing");
        assertThat(after.categories()).containsExactly(DATA_CATEGORY_HOUSING);
    }

    @Test
    void anotherSourcesAcknowledgementDoesNotCount() {
        AgencyDecision answer = housing(of(Acknowledged.byAll(List.of(BLANKET), List.of("mentalhealth")), BLANKET),
                Set.of());

        assertThat(answer.outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void aNewRevisionNeedsANewAcknowledgement() {
        Acknowledged firstRevision = Acknowledged.byAll(List.of(BLANKET), List.of("housing"));
        ConsentRecord revised = new ConsentRecord("blanket", 2, ConsentStatus.ACTIVE, "digest", START, END,
                BLANKET.evidence(), BLANKET.provisions(), "kw1", "council", START, null, List.of());

        assertThat(housing(of(firstRevision, revised), Set.of()).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void anUnacknowledgedDenyAppliesAtOnce() {
        ConsentRecord deny = consent("deny", ConsentStatus.ACTIVE, START, END, new Provision(ProvisionType.DENY,
                Scope.of(Set.of("housing")), Scope.everything(), Scope.everything(), Scope.everything()));

        AgencyDecision answer = housing(of(Acknowledged.byAll(List.of(NAMED), List.of("housing")), NAMED, deny),
                Set.of());

        assertThat(answer.outcome()).isEqualTo(Outcome.DENY);
        assertThat(answer.reason()).isEqualTo("consent denies all sharing from housing to police");
    }

    @Test
    void whatTheSourceMarksSensitiveWaitsLikeSpecialCategoryData() {
        SensitiveCategories housingMarksHousing = agency -> agency.equals("housing")
                ? union(Categories.SPECIAL, DATA_CATEGORY_HOUSING) : Categories.SPECIAL;
        Grounds grounds = new Grounds(List.of(NAMED), List.of(), List.of(), List.of(), Acknowledged.NOTHING,
                housingMarksHousing);

        AgencyDecision answer = housing(grounds, Set.of());

        assertThat(answer.outcome()).isEqualTo(Outcome.DENY);
        assertThat(answer.reason()).startsWith("the release waits for housing's data-protection officer");
    }

    static Set<DataCategory> union(Set<DataCategory> set, DataCategory more) {
        java.util.EnumSet<DataCategory> all = java.util.EnumSet.copyOf(set);
        all.add(more);
        return all;
    }
}
