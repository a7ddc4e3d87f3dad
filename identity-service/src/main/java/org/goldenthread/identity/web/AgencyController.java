package org.goldenthread.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.goldenthread.identity.admin.AdminAudit;
import org.goldenthread.identity.admin.RegistryAdministration;
import org.goldenthread.identity.admin.RegistryAdministration.PinClearing;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency registry over REST. Field rules live in {@link Agency}, who may move an agency in
 * {@link RegistryAdministration}; this class only maps.
 */
@RestController
@RequestMapping("/api/identity/agencies")
class AgencyController {

    /**
     * The body of a PUT: the agency JSON; {@code id} may be left out, the path names the agency.
     * {@code clearCertificatePin} (with {@code reason}) removes a pin on purpose.
     */
    record AgencyBody(String id, String name, String grpcTarget, String restUrl, String certificateFingerprint,
            List<String> categories, AgencyStatus status, List<String> sensitiveCategories,
            List<String> involvementReveals, Boolean clearCertificatePin, String reason) {
    }

    /** The body of a status change. */
    record StatusBody(@NotNull AgencyStatus status) {
    }

    private final AgencyRegistry registry;
    private final RegistryAdministration administration;
    private final AdminAudit audit;

    AgencyController(AgencyRegistry registry, RegistryAdministration administration, AdminAudit audit) {
        this.registry = registry;
        this.administration = administration;
        this.audit = audit;
    }

    @GetMapping
    List<Agency> all() {
        return registry.all();
    }

    @GetMapping("/{id}")
    Agency one(@PathVariable String id) {
        return registry.find(id).orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND,
                "agency-not-found", "no agency is registered with that id"));
    }

    @PutMapping("/{id}")
    Agency register(@PathVariable String id, @RequestBody AgencyBody body, @AuthenticationPrincipal Jwt actor) {
        if (body.id() != null && !body.id().equals(id)) {
            throw RequestRejectedException.invalid("id", "must be the agency id in the path");
        }
        Agency wanted = new Agency(id, body.name(), body.grpcTarget(), body.restUrl(), body.certificateFingerprint(),
                body.categories(), body.status(), body.sensitiveCategories(), body.involvementReveals());
        return administration.register(Actors.of(actor), wanted,
                new PinClearing(Boolean.TRUE.equals(body.clearCertificatePin()), body.reason()));
    }

    /** Suspends or reactivates an agency: the gateway stops (or resumes) calling its node at its next refresh. */
    @PutMapping("/{id}/status")
    Agency status(@PathVariable String id, @Valid @RequestBody StatusBody body, @AuthenticationPrincipal Jwt actor) {
        Agency current = registry.find(id).orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND,
                "agency-not-found", "no agency is registered with that id"));
        Agency changed = registry.register(current.withStatus(body.status()));
        audit.done(Actors.of(actor), body.status() == AgencyStatus.SUSPENDED ? "agency.suspend" : "agency.activate",
                id, id);
        return changed;
    }
}
