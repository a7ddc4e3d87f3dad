package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.consent.consent.ConsentService;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.consent.fhir.FhirConsent;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consent records as FHIR R4 {@code Consent} JSON: one record, or every record of a subject (a
 * {@code searchset} Bundle; identifiers go in a POST body, never in a URL). Visible as the record itself is
 * ({@link org.goldenthread.consent.consent.ConsentPermissions}, READ); reads across agencies are audited.
 */
@RestController
class FhirController {

    static final String FHIR_JSON = "application/fhir+json";
    private static final int MAX_RECORDS = 200;

    private final ConsentService consents;
    private final LinkageTokens linkage;
    private final Clock clock;

    FhirController(ConsentService consents, LinkageTokens linkage, Clock clock) {
        this.consents = consents;
        this.linkage = linkage;
        this.clock = clock;
    }

    record SubjectBody(@NotNull @Valid ConsentBody.Subject subject) {
    }

    @GetMapping(path = "/api/consents/{id}/fhir", produces = FHIR_JSON)
    Map<String, Object> one(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return FhirConsent.of(consents.read(id, Callers.of(token), "fhir"), clock.instant());
    }

    @PostMapping(path = "/api/consents/fhir", produces = FHIR_JSON)
    Map<String, Object> ofSubject(@AuthenticationPrincipal Jwt token, @Valid @RequestBody SubjectBody body) {
        Requester reader = Callers.of(token);
        Instant now = clock.instant();
        List<Map<String, Object>> entries = consents.ofSubject(ConsentBodies.tokens(body.subject(), linkage), MAX_RECORDS,
                        reader).stream()
                .map(r -> Map.<String, Object>of("fullUrl", FhirConsent.BASE + "Consent/" + r.id(),
                        "resource", FhirConsent.of(r, now), "search", Map.of("mode", "match")))
                .toList();
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("timestamp", now.toString());
        bundle.put("total", entries.size());
        bundle.put("entry", entries);
        return bundle;
    }
}
