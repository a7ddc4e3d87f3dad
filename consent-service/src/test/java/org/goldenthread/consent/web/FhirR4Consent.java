package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON object against the structure of the HL7 FHIR R4 Consent resource
 * (hl7.org/fhir/R4/consent.html): only elements R4 defines, with their cardinality and data type,
 * the required ones present, the code values from their required value sets, and invariant ppc-1
 * (a policy or a policyRule). No FHIR library is on the build's class path, hence by hand.
 */
final class FhirR4Consent {

    static final Set<String> CONSENT = Set.of("resourceType", "id", "meta", "implicitRules", "language", "text",
            "contained", "extension", "modifierExtension", "identifier", "status", "scope", "category", "patient",
            "dateTime", "performer", "organization", "sourceAttachment", "sourceReference", "policy", "policyRule",
            "verification", "provision");
    static final Set<String> PROVISION = Set.of("id", "extension", "modifierExtension", "type", "period", "actor",
            "action", "securityLabel", "purpose", "class", "code", "dataPeriod", "data", "provision");
    static final Set<String> STATUS = Set.of("draft", "proposed", "active", "rejected", "inactive", "entered-in-error");

    private FhirR4Consent() {
    }

    @SuppressWarnings("unchecked")
    static void assertValid(Map<String, Object> consent) {
        assertThat(CONSENT).containsAll(consent.keySet());
        assertThat(consent.get("resourceType")).isEqualTo("Consent");
        assertThat((String) consent.get("id")).matches("[A-Za-z0-9\\-.]{1,64}");
        assertThat(STATUS).contains((String) consent.get("status"));
        codeableConcept(consent.get("scope"));
        assertThat((List<Object>) consent.get("category")).isNotEmpty().allSatisfy(FhirR4Consent::codeableConcept);
        reference(consent.get("patient"));
        Instant.parse((String) consent.get("dateTime"));
        ((List<Object>) consent.getOrDefault("organization", List.of())).forEach(FhirR4Consent::reference);
        ((List<Object>) consent.getOrDefault("identifier", List.of())).forEach(FhirR4Consent::identifier);
        if (consent.containsKey("sourceReference")) {
            reference(consent.get("sourceReference"));
        }
        assertThat(consent.containsKey("policy") || consent.containsKey("policyRule")).as("ppc-1").isTrue();
        ((List<Map<String, Object>>) consent.getOrDefault("policy", List.of()))
                .forEach(p -> assertThat(Set.of("id", "authority", "uri")).containsAll(p.keySet()));
        if (consent.containsKey("policyRule")) {
            codeableConcept(consent.get("policyRule"));
        }
        provision((Map<String, Object>) consent.get("provision"));
    }

    @SuppressWarnings("unchecked")
    static void provision(Map<String, Object> provision) {
        assertThat(PROVISION).containsAll(provision.keySet());
        if (provision.containsKey("type")) {
            assertThat(provision.get("type")).isIn("deny", "permit");
        }
        if (provision.containsKey("period")) {
            Map<String, Object> period = (Map<String, Object>) provision.get("period");
            assertThat(Set.of("start", "end")).containsAll(period.keySet());
            period.values().forEach(v -> Instant.parse((String) v));
        }
        ((List<Map<String, Object>>) provision.getOrDefault("actor", List.of())).forEach(actor -> {
            assertThat(actor.keySet()).containsExactlyInAnyOrder("role", "reference");
            codeableConcept(actor.get("role"));
            reference(actor.get("reference"));
        });
        ((List<Object>) provision.getOrDefault("purpose", List.of())).forEach(FhirR4Consent::coding);
        ((List<Object>) provision.getOrDefault("class", List.of())).forEach(FhirR4Consent::coding);
        ((List<Object>) provision.getOrDefault("code", List.of())).forEach(FhirR4Consent::codeableConcept);
        ((List<Map<String, Object>>) provision.getOrDefault("provision", List.of())).forEach(FhirR4Consent::provision);
    }

    @SuppressWarnings("unchecked")
    static void codeableConcept(Object value) {
        Map<String, Object> concept = (Map<String, Object>) value;
        assertThat(Set.of("coding", "text")).containsAll(concept.keySet());
        ((List<Object>) concept.get("coding")).forEach(FhirR4Consent::coding);
    }

    @SuppressWarnings("unchecked")
    static void coding(Object value) {
        Map<String, Object> coding = (Map<String, Object>) value;
        assertThat(Set.of("system", "version", "code", "display", "userSelected")).containsAll(coding.keySet());
        assertThat((String) coding.get("system")).startsWith("http");
        assertThat((String) coding.get("code")).matches("[^\\s]+(\\s[^\\s]+)*");
    }

    @SuppressWarnings("unchecked")
    static void reference(Object value) {
        Map<String, Object> reference = (Map<String, Object>) value;
        assertThat(Set.of("reference", "type", "identifier", "display")).containsAll(reference.keySet());
        if (reference.containsKey("identifier")) {
            identifier(reference.get("identifier"));
        }
    }

    @SuppressWarnings("unchecked")
    static void identifier(Object value) {
        Map<String, Object> identifier = (Map<String, Object>) value;
        assertThat(Set.of("use", "type", "system", "value", "period", "assigner")).containsAll(identifier.keySet());
        assertThat((String) identifier.get("system")).startsWith("http");
        assertThat((String) identifier.get("value")).isNotBlank();
    }
}
