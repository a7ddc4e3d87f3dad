package org.goldenthread.identity.web;

import java.util.List;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.identity.agency.AgencyStatus;
import org.goldenthread.platform.web.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency registry over REST. Rules live in {@link Agency}; this class only maps. */
@RestController
@RequestMapping("/api/identity/agencies")
class AgencyController {

    private static final Logger audit = LoggerFactory.getLogger("org.goldenthread.identity.audit");

    /** The body of a PUT: the agency JSON; {@code id} may be left out, the path names the agency. */
    record AgencyBody(String id, String name, String grpcTarget, String restUrl, String certificateFingerprint,
            List<String> categories, AgencyStatus status) {
    }

    private final AgencyRegistry registry;

    AgencyController(AgencyRegistry registry) {
        this.registry = registry;
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
        Agency registered = registry.register(new Agency(id, body.name(), body.grpcTarget(), body.restUrl(),
                body.certificateFingerprint(), body.categories(), body.status()));
        audit.info("agency registry: {} registered agency {}", actor.getSubject(), registered.id());
        return registered;
    }
}
