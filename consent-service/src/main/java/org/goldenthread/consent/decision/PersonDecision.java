package org.goldenthread.consent.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.consent.SubjectTokens;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.consent.person.PersonConsents;

/**
 * The answer for every agency asked about one person, from the records {@link
 * org.goldenthread.consent.person.ConsentResolver} found: {@link DecisionRules} per agency on the person's
 * records, each PERMIT anchored by the kinds its consent records share with the request. Records that could
 * not be resolved give DENY everywhere: too many is refused rather than decided on part of them, and
 * identifiers that disagree are no one person to decide about. Pure: no I/O, no clock.
 */
public final class PersonDecision {

    private PersonDecision() {
    }

    /**
     * As the service decides before acknowledgements existed: nothing acknowledged (fail closed), so explicit-"all"
     * and special-category permits release nothing of their source. For simulations that do not model review.
     *
     * @param recipient the requester's agency
     */
    public static List<AgencyDecision> decide(DecisionRequest request, String recipient, PersonConsents consents,
            List<SharingAgreement> agreements, List<BreakGlassSession> sessions, Instant now) {
        return decide(request, recipient, consents, agreements, sessions, Acknowledged.NOTHING, Grounds.SPECIAL_ONLY,
                now);
    }

    /**
     * @param recipient the requester's agency
     * @param acknowledged the consent revisions the sources' data-protection officers acknowledged
     * @param sensitive per source, what a consent releases only once acknowledged
     */
    public static List<AgencyDecision> decide(DecisionRequest request, String recipient, PersonConsents consents,
            List<SharingAgreement> agreements, List<BreakGlassSession> sessions, Acknowledged acknowledged,
            SensitiveCategories sensitive, Instant now) {
        String refusal = switch (consents.status()) {
            case TOO_MANY -> "more than " + consents.limit() + " consent records are linked to this person's "
                    + "identifiers: refused rather than decided on some of them (a DPO can review the records)";
            case IDENTIFIERS_DISAGREE -> "the identifiers asked with belong to different people on consent records ("
                    + kinds(consents) + " disagree): nothing is decided";
            case RESOLVED -> null;
        };
        List<AgencyDecision> answers = new ArrayList<>();
        if (refusal != null) {
            request.agencies().forEach(source -> answers.add(AgencyDecision.deny(source, refusal)));
            return answers;
        }
        Grounds grounds = new Grounds(consents.permitting(), consents.denyOnly(), agreements, sessions, acknowledged,
                sensitive);
        for (String source : request.agencies()) {
            AgencyDecision answer = DecisionRules.decide(source, recipient, request.purpose(), request.categories(),
                    grounds, now);
            if (answer.outcome() == Outcome.PERMIT) {
                answer = answer.anchoredBy(consents.anchorsOf(answer.consentIds()));
            } else if (consents.namesakes()) {
                answer = answer.withReason(answer.reason() + " (consent records under this name and date of birth are "
                        + "about more than one person: ask with an NHS or National Insurance number)");
            }
            answers.add(answer);
        }
        return answers;
    }

    /** The kinds involved, by short name ("NAME_DOB, NHS"). */
    static String kinds(PersonConsents consents) {
        return consents.disagreeing().stream().map(SubjectTokens::kindName).sorted().collect(Collectors.joining(", "));
    }
}
