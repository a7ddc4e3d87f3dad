package org.goldenthread.consent.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * A consent record as an HL7 FHIR R4 {@code Consent} resource (JSON). Our deny-by-default
 * reading becomes FHIR's nesting: the root provision is {@code deny} over the record's period,
 * each permit provision an exception to it, and every deny provision of the record an exception
 * inside each permit — so "a deny always beats a permit" holds for a FHIR reader too. The
 * patient is the subject digest as an identifier reference: never a name or an identifier.
 */
public final class FhirConsent {

    public static final String BASE = "https://goldenthread.example/fhir/";
    static final String AGENCY_SYSTEM = BASE + "agency";
    static final String PURPOSE_SYSTEM = BASE + "CodeSystem/purpose";
    static final String CATEGORY_SYSTEM = BASE + "CodeSystem/data-category";
    static final String V3_PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** One per dimension a provision says "all" for explicitly. */
    public static final String EXPLICIT_ALL = "urn:goldenthread:consent:explicit-all";
    /** The provision in words. */
    public static final String PROVISION_TEXT = "urn:goldenthread:consent:provision-text";

    /** HL7 v3 information-sensitivity codes for the categories that have one. */
    private static final Map<DataCategory, String[]> SENSITIVITY = Map.of(
            DataCategory.DATA_CATEGORY_HEALTH_MENTAL, new String[] {"PSY", "psychiatry information sensitivity"},
            DataCategory.DATA_CATEGORY_SUBSTANCE_MISUSE, new String[] {"ETH", "substance abuse information sensitivity"},
            DataCategory.DATA_CATEGORY_DOMESTIC_ABUSE,
            new String[] {"SDV", "sexual assault, abuse, or domestic violence information sensitivity"});

    private FhirConsent() {
    }

    public static Map<String, Object> of(ConsentRecord r, Instant now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("resourceType", "Consent");
        c.put("id", r.id());
        if (r.backdating() != null) {
            // The period starts before the limit allows without a reason: the day the family consented and why.
            c.put("extension", List.of(
                    extension("urn:goldenthread:consent:consented-on", "valueDate", r.backdating().consentedOn().toString()),
                    extension("urn:goldenthread:consent:backdating-reason", "valueString", r.backdating().reason())));
        }
        c.put("meta", Map.of("versionId", String.valueOf(r.revision()), "lastUpdated", lastUpdated(r).toString()));
        c.put("identifier", List.of(Map.of("system", BASE + "consent", "value", r.id())));
        // FHIR has no "expired": a record past its period, or withdrawn, is inactive.
        boolean active = r.status() == ConsentStatus.ACTIVE && (r.end() == null || now.isBefore(r.end()));
        c.put("status", active ? "active" : "inactive");
        c.put("scope", concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"));
        c.put("category", List.of(concept("http://loinc.org", "59284-0", "Patient Consent")));
        c.put("patient", Map.of("identifier", Map.of("system", BASE + "subject-digest", "value", r.subjectDigest())));
        c.put("dateTime", r.recordedAt().toString());
        c.put("organization", List.of(agency(r.recordedByAgency())));
        c.put("sourceReference", Map.of(
                "identifier", Map.of("system", BASE + "evidence/" + r.recordedByAgency(), "value", r.evidence().reference()),
                "display", r.evidence().kind().name() + (r.evidence().witness() == null ? "" : ", witnessed")));
        c.put("policy", List.of(Map.of("uri", BASE + "privacy-notice/" + r.evidence().privacyNoticeVersion())));
        c.put("policyRule", concept(V3_ACT_CODE, "OPTIN", "opt-in"));
        c.put("provision", root(r));
        return c;
    }

    private static Map<String, Object> root(ConsentRecord r) {
        List<Provision> denies = r.provisions().stream().filter(p -> p.type() == ProvisionType.DENY).toList();
        List<Map<String, Object>> nested = new ArrayList<>();
        for (Provision p : r.provisions()) {
            if (p.type() == ProvisionType.PERMIT) {
                Map<String, Object> permit = provision(p);
                if (!denies.isEmpty()) {
                    permit.put("provision", denies.stream().map(FhirConsent::provision).toList());
                }
                nested.add(permit);
            }
        }
        if (nested.isEmpty()) {
            denies.forEach(d -> nested.add(provision(d)));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "deny");
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", r.start().toString());
        if (r.end() != null) {
            period.put("end", r.end().toString());
        }
        root.put("period", period);
        root.put("provision", nested);
        return root;
    }

    /**
     * An explicit "all" leaves its element absent (in FHIR an absent element does not narrow the rule) and says so:
     * an {@value #EXPLICIT_ALL} extension per dimension ({@code valueCode} sources, recipients, purposes or
     * categories), and the provision in words as a {@value #PROVISION_TEXT} extension, so no reader takes the
     * absence for an oversight.
     */
    private static Map<String, Object> provision(Provision p) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> extensions = new ArrayList<>();
        explicitAll(extensions, p.sources().all(), "sources");
        explicitAll(extensions, p.recipients().all(), "recipients");
        explicitAll(extensions, p.purposes().all(), "purposes");
        explicitAll(extensions, p.categories().all(), "categories");
        extensions.add(extension(PROVISION_TEXT, "valueString", ProvisionText.of(p)));
        out.put("extension", extensions);
        out.put("type", p.type() == ProvisionType.PERMIT ? "permit" : "deny");
        List<Object> actors = new ArrayList<>();
        p.sources().values().stream().sorted().forEach(a -> actors.add(actor("CST", "custodian", a)));
        p.recipients().values().stream().sorted().forEach(a -> actors.add(actor("IRCP", "information recipient", a)));
        if (!actors.isEmpty()) {
            out.put("actor", actors);
        }
        if (!p.purposes().all()) {
            out.put("purpose", p.purposes().values().stream().map(Vocabulary::name).sorted()
                    .map(code -> coding(PURPOSE_SYSTEM, code, null)).toList());
        }
        if (!p.categories().all()) {
            out.put("class", sorted(p.categories().values()).stream()
                    .map(category -> coding(CATEGORY_SYSTEM, Vocabulary.name(category), null)).toList());
            List<Object> codes = sorted(p.categories().values()).stream().filter(SENSITIVITY::containsKey)
                    .map(category -> (Object) concept(V3_ACT_CODE, SENSITIVITY.get(category)[0], SENSITIVITY.get(category)[1]))
                    .toList();
            if (!codes.isEmpty()) {
                out.put("code", codes);
            }
        }
        return out;
    }

    private static void explicitAll(List<Object> extensions, boolean all, String dimension) {
        if (all) {
            extensions.add(extension(EXPLICIT_ALL, "valueCode", dimension));
        }
    }

    /** FHIR puts {@code url} first; so does this. */
    private static Map<String, Object> extension(String url, String valueKind, String value) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("url", url);
        extension.put(valueKind, value);
        return extension;
    }

    private static List<DataCategory> sorted(Set<DataCategory> categories) {
        return categories.stream().sorted().toList();
    }

    private static Instant lastUpdated(ConsentRecord r) {
        return r.withdrawal() != null ? r.withdrawal().at() : r.recordedAt();
    }

    private static Map<String, Object> actor(String role, String display, String agency) {
        return Map.of("role", concept(V3_PARTICIPATION, role, display), "reference", agency(agency));
    }

    private static Map<String, Object> agency(String agency) {
        return Map.of("identifier", Map.of("system", AGENCY_SYSTEM, "value", agency));
    }

    static Map<String, Object> concept(String system, String code, String display) {
        return Map.of("coding", List.of(coding(system, code, display)));
    }

    static Map<String, Object> coding(String system, String code, String display) {
        Map<String, Object> coding = new LinkedHashMap<>();
        coding.put("system", system);
        coding.put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }
}
