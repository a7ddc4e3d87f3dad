package org.goldenthread.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.proto.common.v1.DataCategory.*;
import static org.goldenthread.proto.common.v1.Purpose.*;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.Purpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionRulesTest {

    static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant END = Instant.parse("2027-11-01T00:00:00Z");

    static final Provision PERMIT_EH_AND_CM = new Provision(ProvisionType.PERMIT, Set.of(), Set.of(),
            Set.of(PURPOSE_EARLY_HELP_ASSESSMENT, PURPOSE_CASE_MANAGEMENT), Set.of());
    static final Provision DENY_MH_TO_POLICE = new Provision(ProvisionType.DENY, Set.of("mentalhealth"),
            Set.of("police"), Set.of(), Set.of(DATA_CATEGORY_HEALTH_MENTAL));

    /** The Hale family's consent (DOMAIN.md): all partners, except mental-health detail to police. */
    static ConsentRecord hale(ConsentStatus status, Instant start, Instant end) {
        return consent("hale", status, start, end, PERMIT_EH_AND_CM, DENY_MH_TO_POLICE);
    }

    static ConsentRecord consent(String id, ConsentStatus status, Instant start, Instant end, Provision... provisions) {
        return new ConsentRecord(id, 1, status, "digest", start, end,
                new Evidence(EvidenceKind.SIGNED_FORM, "CF-" + id, null, "v3"), List.of(provisions),
                "kw1", "council", START, null, List.of());
    }

    static Set<DataCategory> allBut(DataCategory... excluded) {
        Set<DataCategory> all = EnumSet.copyOf(DecisionRules.ALL_CATEGORIES);
        all.removeAll(List.of(excluded));
        return all;
    }

    static Stream<Arguments> situations() {
        ConsentRecord active = hale(ConsentStatus.ACTIVE, START, END);
        return Stream.of(
                row("consent permits every category to any partner", List.of(active),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        DecisionRules.ALL_CATEGORIES, null),
                row("nested deny removes only what it names", List.of(active),
                        "mentalhealth", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        allBut(DATA_CATEGORY_HEALTH_MENTAL), null),
                row("nested deny beats permit for the category asked", List.of(active),
                        "mentalhealth", "police", PURPOSE_CASE_MANAGEMENT, Set.of(DATA_CATEGORY_HEALTH_MENTAL),
                        null, "consent denies HEALTH_MENTAL from mentalhealth to police"),
                row("deny without categories denies everything", List.of(consent("all-denied", ConsentStatus.ACTIVE,
                                START, null, PERMIT_EH_AND_CM, new Provision(ProvisionType.DENY, Set.of("mentalhealth"),
                                        Set.of(), Set.of(), Set.of()))),
                        "mentalhealth", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        null, "consent denies all sharing from mentalhealth to police"),
                row("withdrawn consent counts for nothing", List.of(hale(ConsentStatus.WITHDRAWN, START, END)),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        null, "no consent covers housing sharing with police for CASE_MANAGEMENT"),
                row("expired consent counts for nothing", List.of(hale(ConsentStatus.ACTIVE, START, NOW)),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        null, "no consent covers housing sharing with police for CASE_MANAGEMENT"),
                row("consent not yet valid counts for nothing", List.of(hale(ConsentStatus.ACTIVE, NOW.plusSeconds(1), null)),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        null, "no consent covers housing sharing with police for CASE_MANAGEMENT"),
                row("purpose outside the consent", List.of(active),
                        "housing", "police", PURPOSE_SAFEGUARDING, Set.of(),
                        null, "no consent covers housing sharing with police for SAFEGUARDING"),
                row("recipient outside the consent", List.of(consent("council-only", ConsentStatus.ACTIVE, START, END,
                                new Provision(ProvisionType.PERMIT, Set.of(), Set.of("council"), Set.of(), Set.of()))),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        null, "no consent covers housing sharing with police for CASE_MANAGEMENT"),
                row("source outside the consent", List.of(consent("housing-only", ConsentStatus.ACTIVE, START, END,
                                new Provision(ProvisionType.PERMIT, Set.of("housing"), Set.of(), Set.of(), Set.of()))),
                        "police", "council", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        null, "no consent covers police sharing with council for CASE_MANAGEMENT"),
                row("categories asked intersect the permitted ones", List.of(consent("asb", ConsentStatus.ACTIVE, START, END,
                                new Provision(ProvisionType.PERMIT, Set.of(), Set.of(), Set.of(),
                                        Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_ASB)))),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(DATA_CATEGORY_ASB, DATA_CATEGORY_CRIME),
                        Set.of(DATA_CATEGORY_ASB), null),
                row("no category asked is permitted", List.of(consent("asb", ConsentStatus.ACTIVE, START, END,
                                new Provision(ProvisionType.PERMIT, Set.of(), Set.of(), Set.of(),
                                        Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_ASB)))),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(DATA_CATEGORY_CRIME),
                        null, "consent does not cover CRIME from housing to police for CASE_MANAGEMENT"),
                row("permits of several records add up, a deny in any of them wins", List.of(
                                consent("a", ConsentStatus.ACTIVE, START, END, new Provision(ProvisionType.PERMIT,
                                        Set.of(), Set.of(), Set.of(), Set.of(DATA_CATEGORY_HOUSING))),
                                consent("b", ConsentStatus.ACTIVE, START, END, new Provision(ProvisionType.PERMIT,
                                        Set.of(), Set.of(), Set.of(), Set.of(DATA_CATEGORY_ASB, DATA_CATEGORY_CRIME)),
                                        new Provision(ProvisionType.DENY, Set.of(), Set.of(), Set.of(),
                                                Set.of(DATA_CATEGORY_CRIME)))),
                        "housing", "police", PURPOSE_CASE_MANAGEMENT, Set.of(),
                        Set.of(DATA_CATEGORY_HOUSING, DATA_CATEGORY_ASB), null),
                row("agency with no consent at all", List.of(),
                        "employment", "council", PURPOSE_EARLY_HELP_ASSESSMENT, Set.of(),
                        null, "no consent covers employment sharing with council for EARLY_HELP_ASSESSMENT"));
    }

    static Arguments row(String situation, List<ConsentRecord> consents, String source, String recipient,
            Purpose purpose, Set<DataCategory> wanted, Set<DataCategory> permitted, String reason) {
        return Arguments.of(situation, consents, source, recipient, purpose, wanted, permitted, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void decides(String situation, List<ConsentRecord> consents, String source, String recipient, Purpose purpose,
            Set<DataCategory> wanted, Set<DataCategory> permitted, String reason) {
        AgencyDecision decision = DecisionRules.decide(source, recipient, purpose, wanted, consents, NOW);

        assertThat(decision.agency()).isEqualTo(source);
        if (permitted != null) {
            assertThat(decision.outcome()).isEqualTo(Outcome.PERMIT);
            assertThat(decision.categories()).containsExactlyInAnyOrderElementsOf(permitted);
            assertThat(decision.basis()).isEqualTo(LawfulBasis.LAWFUL_BASIS_CONSENT);
            assertThat(decision.recordId()).isEqualTo(consents.get(0).id());
            assertThat(decision.reason()).isNull();
        } else {
            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.categories()).isEmpty();
            assertThat(decision.basis()).isNull();
            assertThat(decision.recordId()).isNull();
            assertThat(decision.reason()).isEqualTo(reason);
        }
    }
}
