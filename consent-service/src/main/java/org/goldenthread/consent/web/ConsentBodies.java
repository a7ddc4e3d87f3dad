package org.goldenthread.consent.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.NewConsent;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.consent.Scope;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.federation.linkage.InvalidIdentifierException;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.platform.web.RequestRejectedException;
import org.goldenthread.proto.common.v1.LinkageToken;

/** Checks what bean validation cannot (vocabulary, period order, witness) and maps the body to a command. */
final class ConsentBodies {

    private ConsentBodies() {
    }

    static NewConsent toNewConsent(ConsentBody body, LinkageTokens linkage, Requester recorder) {
        return terms(body.period(), body.evidence(), body.provisions(), tokens(body.subject(), linkage), recorder);
    }

    /** A revision's new terms; the subject stays the record's own. */
    static NewConsent toRevision(ConsentRevisionBody body, Requester reviser) {
        return terms(body.period(), body.evidence(), body.provisions(), List.of(), reviser);
    }

    private static NewConsent terms(ConsentBody.Period period, ConsentBody.EvidenceBody evidenceBody,
            List<ConsentBody.ProvisionBody> provisionBodies, List<LinkageToken> tokens, Requester recorder) {
        if (period.end() != null && !period.end().isAfter(period.start())) {
            throw RequestRejectedException.invalid("period.end", "must be after period.start");
        }
        EvidenceKind kind = parse(EvidenceKind.class, evidenceBody.kind(), "evidence.kind");
        String witness = blankToNull(evidenceBody.witness());
        if (kind == EvidenceKind.VERBAL_WITH_WITNESS && witness == null) {
            throw RequestRejectedException.invalid("evidence.witness", "verbal consent needs a witness");
        }
        Evidence evidence = new Evidence(kind, evidenceBody.reference().trim(), witness,
                evidenceBody.privacyNoticeVersion().trim());
        List<Provision> provisions = new ArrayList<>();
        for (int i = 0; i < provisionBodies.size(); i++) {
            ConsentBody.ProvisionBody p = provisionBodies.get(i);
            String field = "provisions[" + i + "].";
            provisions.add(new Provision(
                    parse(ProvisionType.class, p.type(), field + "type"),
                    scope(p.sources(), p.allSources(), field + "sources", Set::copyOf),
                    scope(p.recipients(), p.allRecipients(), field + "recipients", Set::copyOf),
                    scope(p.purposes(), p.allPurposes(), field + "purposes", n -> Terms.purposes(n, field + "purposes")),
                    scope(p.categories(), p.allCategories(), field + "categories",
                            n -> Terms.categories(n, field + "categories"))));
        }
        return new NewConsent(tokens, period.start(), period.end(), evidence, provisions, recorder.user(),
                recorder.agency(), period.consentedOn(), period.backdatingReason());
    }

    /** A list, or an explicit all; 400 naming the field for neither (an empty or missing list) or both. */
    private static <T> Scope<T> scope(List<String> names, Boolean all, String field,
            Function<List<String>, Set<T>> parse) {
        boolean listed = names != null && !names.isEmpty();
        boolean everything = Boolean.TRUE.equals(all);
        if (listed && everything) {
            throw RequestRejectedException.invalid(field, "give either a list or " + flag(field) + ", not both");
        }
        if (everything) {
            return Scope.everything();
        }
        if (!listed) {
            throw RequestRejectedException.invalid(field, "must list at least one, or say " + flag(field)
                    + ": true to mean all of them");
        }
        return Scope.of(parse.apply(names));
    }

    /** "provisions[0].sources" → "allSources". */
    private static String flag(String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        return "all" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static List<LinkageToken> tokens(ConsentBody.Subject subject, LinkageTokens linkage) {
        try {
            return linkage.tokensFor(new PersonIdentifiers(subject.nhsNumber(), subject.nationalInsuranceNumber(),
                    subject.familyName(), subject.givenName(), subject.dateOfBirth(), subject.postcode()));
        } catch (InvalidIdentifierException e) {
            throw new InvalidIdentifierException("subject." + e.field(), e.getMessage());
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name.trim())) {
                return constant;
            }
        }
        throw RequestRejectedException.invalid(field, "must be one of " + List.of(type.getEnumConstants()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
