package org.goldenthread.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.decision.DecisionFixtures.*;
import static org.goldenthread.proto.common.v1.DataCategory.*;
import static org.goldenthread.proto.common.v1.LawfulBasis.*;
import static org.goldenthread.proto.common.v1.Purpose.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.isa.IsaStatus;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision rules, one row per situation the issue names (and the edges around them), once the source has
 * acknowledged the consents about the person (the person's own records; deny-only ones need no acknowledging):
 * what happens before that is {@link AcknowledgementGatingTest}.
 */
class DecisionRulesTest {

    static final Provision PERMIT_EH_AND_CM = new Provision(ProvisionType.PERMIT, Set.of(), Set.of(),
            Set.of(PURPOSE_EARLY_HELP_ASSESSMENT, PURPOSE_CASE_MANAGEMENT), Set.of());
    static final Provision DENY_MH_TO_POLICE = new Provision(ProvisionType.DENY, Set.of("mentalhealth"),
            Set.of("police"), Set.of(), Set.of(DATA_CATEGORY_HEALTH_MENTAL));

    static final ConsentRecord HALE = hale(ConsentStatus.ACTIVE, START, END);
    static final SharingAgreement INVOLVEMENT_ISA = isa("isa-coord", IsaStatus.ACTIVE, "housing",
            Set.of("council", "police"), Set.of(PURPOSE_COORDINATION), Set.of(DATA_CATEGORY_INVOLVEMENT), START, null);
    static final SharingAgreement ORDINARY_ISA = isa("isa-ordinary", IsaStatus.ACTIVE, "mentalhealth",
            Set.of("council"), Set.of(PURPOSE_SAFEGUARDING), Set.of(), START, END);
    static final SharingAgreement HEALTH_ISA = isa("isa-health", IsaStatus.ACTIVE, "mentalhealth",
            Set.of("council"), Set.of(PURPOSE_CASE_MANAGEMENT), Set.of(DATA_CATEGORY_HEALTH_MENTAL), START, END);

    /** The Hale family's consent (DOMAIN.md): all partners, except mental-health detail to police. */
    static ConsentRecord hale(ConsentStatus status, Instant start, Instant end) {
        return consent("hale", status, start, end, PERMIT_EH_AND_CM, DENY_MH_TO_POLICE);
    }

    static Stream<Arguments> situations() {
        Instant fiftyNineMinutesAgo = NOW.minus(Duration.ofMinutes(59));
        Instant sixtyOneMinutesAgo = NOW.minus(Duration.ofMinutes(61));
        return Stream.of(
                row("consent permits every category to any partner", consents(HALE),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        permit(Categories.ALL, LAWFUL_BASIS_CONSENT, "hale")),
                row("nested deny removes only what it names", consents(HALE),
                        "mentalhealth", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        permit(allBut(DATA_CATEGORY_HEALTH_MENTAL), LAWFUL_BASIS_CONSENT, "hale")),
                row("nested deny beats permit for the category asked", consents(HALE),
                        "mentalhealth", "police", PURPOSE_CASE_MANAGEMENT, Set.of(DATA_CATEGORY_HEALTH_MENTAL),
                        deny("consent denies HEALTH_MENTAL from mentalhealth to police")),
                row("deny without categories denies everything", consents(consent("all-denied", ConsentStatus.ACTIVE,
                                START, null, PERMIT_EH_AND_CM, new Provision(ProvisionType.DENY, Set.of("mentalhealth"),
                                        Set.of(), Set.of(), Set.of()))),
                        "mentalhealth", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("consent denies all sharing from mentalhealth to police")),
                row("withdrawn consent counts for nothing", consents(hale(ConsentStatus.WITHDRAWN, START, END)),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT")),
                row("expired consent counts for nothing", consents(hale(ConsentStatus.ACTIVE, START, NOW)),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT")),
                row("consent not yet valid counts for nothing", consents(hale(ConsentStatus.ACTIVE, NOW.plusSeconds(1), null)),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT")),
                row("purpose outside the consent", consents(HALE),
                        "housing", "police", PURPOSE_SAFEGUARDING, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for SAFEGUARDING")),
                row("recipient outside the consent", consents(consent("council-only", ConsentStatus.ACTIVE, START, END,
                                new Provision(ProvisionType.PERMIT, Set.of(), Set.of("council"), Set.of(), Set.of()))),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT")),
                row("unknown source agency", consents(consent("named", ConsentStatus.ACTIVE, START, END,
                                new Provision(ProvisionType.PERMIT, Set.of("housing", "police"), Set.of(), Set.of(), Set.of()))),
                        "nosuchagency", "council", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers nosuchagency sharing with council for CASE_MANAGEMENT")),
                row("unknown requesting agency", new Grounds(List.of(), List.of(INVOLVEMENT_ISA), List.of()),
                        "housing", "nosuchagency", PURPOSE_COORDINATION, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with nosuchagency for COORDINATION")),
                row("categories asked intersect the permitted ones", consents(consent("asb", ConsentStatus.ACTIVE, START, END,
                                new Provision(ProvisionType.PERMIT, Set.of(), Set.of(), Set.of(),
                                        Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_ASB)))),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(DATA_CATEGORY_ASB, DATA_CATEGORY_CRIME),
                        permit(Set.of(DATA_CATEGORY_ASB), LAWFUL_BASIS_CONSENT, "asb")),
                row("permits of several records add up, a deny in any of them wins", consents(
                                consent("a", ConsentStatus.ACTIVE, START, END, new Provision(ProvisionType.PERMIT,
                                        Set.of(), Set.of(), Set.of(), Set.of(DATA_CATEGORY_HOUSING))),
                                consent("b", ConsentStatus.ACTIVE, START, END, new Provision(ProvisionType.PERMIT,
                                        Set.of(), Set.of(), Set.of(), Set.of(DATA_CATEGORY_ASB, DATA_CATEGORY_CRIME)),
                                        new Provision(ProvisionType.DENY, Set.of(), Set.of(), Set.of(),
                                                Set.of(DATA_CATEGORY_CRIME)))),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        permit(Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_ASB), LAWFUL_BASIS_CONSENT, "a")),
                row("ISA gives public-task permit without consent", agreements(INVOLVEMENT_ISA),
                        "housing", "police", PURPOSE_COORDINATION, Set.of(),
                        permit(Set.of(DATA_CATEGORY_INVOLVEMENT), LAWFUL_BASIS_PUBLIC_TASK, "isa-coord")),
                row("ISA for another purpose gives nothing", agreements(INVOLVEMENT_ISA),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT")),
                row("ISA without categories gives every non-special category", agreements(ORDINARY_ISA),
                        "mentalhealth", "council", PURPOSE_SAFEGUARDING, Set.of(),
                        permit(Categories.ORDINARY, LAWFUL_BASIS_PUBLIC_TASK, "isa-ordinary")),
                row("ISA without the special category does not give it", agreements(ORDINARY_ISA),
                        "mentalhealth", "council", PURPOSE_SAFEGUARDING, Set.of(DATA_CATEGORY_HEALTH_MENTAL),
                        deny("no consent or sharing agreement covers HEALTH_MENTAL from mentalhealth to council for "
                                + "SAFEGUARDING (an agreement shares health or substance-misuse data only where it names it)")),
                row("ISA naming the special category gives it", agreements(HEALTH_ISA),
                        "mentalhealth", "council", PURPOSE_CASE_MANAGEMENT, Set.of(DATA_CATEGORY_HEALTH_MENTAL),
                        permit(Set.of(DATA_CATEGORY_HEALTH_MENTAL), LAWFUL_BASIS_PUBLIC_TASK, "isa-health")),
                row("terminated ISA gives nothing", agreements(isa("isa-ended", IsaStatus.TERMINATED, "housing",
                                Set.of("police"), Set.of(PURPOSE_COORDINATION), Set.of(), START, null)),
                        "housing", "police", PURPOSE_COORDINATION, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for COORDINATION")),
                row("consent deny beats an ISA permit", new Grounds(List.of(HALE), List.of(isa("isa-mh", IsaStatus.ACTIVE,
                                "mentalhealth", Set.of("police"), Set.of(PURPOSE_CASE_MANAGEMENT),
                                Set.of(DATA_CATEGORY_HEALTH_MENTAL), START, null)), List.of()),
                        "mentalhealth", "police", PURPOSE_CASE_MANAGEMENT, Set.of(DATA_CATEGORY_HEALTH_MENTAL),
                        deny("consent denies HEALTH_MENTAL from mentalhealth to police")),
                row("COORDINATION releases the known-to flag only, whatever a consent permits besides",
                        new Grounds(List.of(consent("asb", ConsentStatus.ACTIVE, START, END, new Provision(
                                ProvisionType.PERMIT, Set.of(), Set.of(), Set.of(), Set.of(DATA_CATEGORY_ASB)))),
                                List.of(INVOLVEMENT_ISA), List.of()),
                        "housing", "police", PURPOSE_COORDINATION, Set.of(),
                        permit(Set.of(DATA_CATEGORY_INVOLVEMENT), LAWFUL_BASIS_PUBLIC_TASK, "isa-coord")),
                row("break-glass within 60 minutes permits for safeguarding", sessions(session("bg-1", "police",
                                Set.of("housing"), fiftyNineMinutesAgo)),
                        "housing", "police", PURPOSE_SAFEGUARDING, Set.of(),
                        permit(Categories.ALL, LAWFUL_BASIS_VITAL_INTERESTS, "bg-1")),
                row("break-glass past 60 minutes permits nothing", sessions(session("bg-2", "police",
                                Set.of("housing"), sixtyOneMinutesAgo)),
                        "housing", "police", PURPOSE_SAFEGUARDING, Set.of(),
                        deny("break-glass ended at " + sixtyOneMinutesAgo.plus(Duration.ofMinutes(60)) + "; no consent "
                                + "or sharing agreement covers housing sharing with police for SAFEGUARDING")),
                row("break-glass is for safeguarding only", sessions(session("bg-3", "police", Set.of("housing"),
                                fiftyNineMinutesAgo)),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT")),
                row("break-glass covers only the sources it was opened for", sessions(session("bg-4", "police",
                                Set.of("housing"), fiftyNineMinutesAgo)),
                        "mentalhealth", "police", PURPOSE_SAFEGUARDING, Set.of(),
                        deny("no consent or sharing agreement covers mentalhealth sharing with police for SAFEGUARDING")),
                row("break-glass releases only the categories the session opened with", sessions(session("bg-6",
                                "police", Set.of("housing"), Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_SAFEGUARDING),
                                fiftyNineMinutesAgo)),
                        "housing", "police", PURPOSE_SAFEGUARDING, Set.of(),
                        permit(Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_SAFEGUARDING), LAWFUL_BASIS_VITAL_INTERESTS,
                                "bg-6")),
                row("break-glass never releases a category the session did not open with", sessions(session("bg-7",
                                "police", Set.of("mentalhealth"), Set.of(DATA_CATEGORY_SAFEGUARDING), fiftyNineMinutesAgo)),
                        "mentalhealth", "police", PURPOSE_SAFEGUARDING, Set.of(DATA_CATEGORY_HEALTH_MENTAL),
                        deny("no consent or sharing agreement covers HEALTH_MENTAL from mentalhealth to police for "
                                + "SAFEGUARDING")),
                row("break-glass does not override a consent deny", new Grounds(List.of(consent("no-mh",
                                ConsentStatus.ACTIVE, START, null, DENY_MH_TO_POLICE)), List.of(),
                                List.of(session("bg-5", "police", Set.of("mentalhealth"), fiftyNineMinutesAgo))),
                        "mentalhealth", "police", PURPOSE_SAFEGUARDING, Set.of(),
                        permit(allBut(DATA_CATEGORY_HEALTH_MENTAL), LAWFUL_BASIS_VITAL_INTERESTS, "bg-5")),
                row("a deny-only record's deny beats the person's own permit", new Grounds(List.of(HALE),
                                List.of(consent("linked", ConsentStatus.ACTIVE, START, null, new Provision(
                                        ProvisionType.DENY, Set.of("housing"), Set.of(), Set.of(), Set.of()))),
                                List.of(), List.of()),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("consent denies all sharing from housing to police")),
                row("a deny-only record's permit permits nothing", new Grounds(List.of(), List.of(HALE), List.of(),
                                List.of()),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("no consent or sharing agreement covers housing sharing with police for CASE_MANAGEMENT")),
                row("a deny-only record's deny beats an agreement", new Grounds(List.of(),
                                List.of(consent("objection", ConsentStatus.ACTIVE, START, null, new Provision(
                                        ProvisionType.DENY, Set.of("mentalhealth"), Set.of(), Set.of(), Set.of()))),
                                List.of(HEALTH_ISA), List.of()),
                        "mentalhealth", "council", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        deny("consent denies all sharing from mentalhealth to council")),
                row("a withdrawn deny-only record denies nothing", new Grounds(List.of(HALE),
                                List.of(consent("gone", ConsentStatus.WITHDRAWN, START, null, new Provision(
                                        ProvisionType.DENY, Set.of(), Set.of(), Set.of(), Set.of()))),
                                List.of(), List.of()),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        permit(Categories.ALL, LAWFUL_BASIS_CONSENT, "hale")),
                row("agency with nothing at all", consents(),
                        "employment", "council", PURPOSE_EARLY_HELP_ASSESSMENT, Set.of(),
                        deny("no consent or sharing agreement covers employment sharing with council for EARLY_HELP_ASSESSMENT")));
    }

    record Expected(Set<DataCategory> categories, LawfulBasis basis, String recordId, String reason) {
    }

    static Expected permit(Set<DataCategory> categories, LawfulBasis basis, String recordId) {
        return new Expected(categories, basis, recordId, null);
    }

    static Expected deny(String reason) {
        return new Expected(null, null, null, reason);
    }

    static Grounds consents(ConsentRecord... consents) {
        return Grounds.consentsOnly(List.of(consents));
    }

    static Grounds agreements(SharingAgreement... agreements) {
        return new Grounds(List.of(), List.of(agreements), List.of());
    }

    static Grounds sessions(BreakGlassSession... sessions) {
        return new Grounds(List.of(), List.of(), List.of(sessions));
    }

    static Arguments row(String situation, Grounds grounds, String source, String recipient, Purpose purpose,
            Set<DataCategory> wanted, Expected expected) {
        return Arguments.of(situation, grounds, source, recipient, purpose, wanted, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void decides(String situation, Grounds grounds, String source, String recipient, Purpose purpose,
            Set<DataCategory> wanted, Expected expected) {
        Grounds acknowledged = grounds.acknowledging(Acknowledged.byAll(grounds.consents(), List.of(source)));
        AgencyDecision decision = DecisionRules.decide(source, recipient, purpose, wanted, acknowledged, NOW);

        assertThat(decision.agency()).isEqualTo(source);
        if (expected.categories() != null) {
            assertThat(decision.outcome()).isEqualTo(Outcome.PERMIT);
            assertThat(decision.categories()).containsExactlyInAnyOrderElementsOf(expected.categories());
            assertThat(decision.basis()).isEqualTo(expected.basis());
            assertThat(decision.recordId()).isEqualTo(expected.recordId());
            assertThat(decision.reason()).isNull();
        } else {
            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.categories()).isEmpty();
            assertThat(decision.basis()).isNull();
            assertThat(decision.recordId()).isNull();
            assertThat(decision.reason()).isEqualTo(expected.reason());
        }
    }
}
