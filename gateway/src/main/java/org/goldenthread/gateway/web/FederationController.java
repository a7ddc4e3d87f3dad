package org.goldenthread.gateway.web;

import jakarta.validation.Valid;
import org.goldenthread.gateway.federation.FederatedView;
import org.goldenthread.gateway.federation.FederationEngine;
import org.goldenthread.gateway.federation.ViewRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The federation API. The subject travels in a POST body, never in a URL, so identifiers do not
 * end up in access logs or browser history.
 */
@RestController
@RequestMapping("/api/federation")
class FederationController {

    private final FederationEngine engine;

    FederationController(FederationEngine engine) {
        this.engine = engine;
    }

    @PostMapping("/subjects/view")
    Mono<FederatedView> view(@Valid @RequestBody ViewRequest request, @AuthenticationPrincipal Jwt user) {
        return Mono.defer(() -> engine.view(request, user));
    }
}
