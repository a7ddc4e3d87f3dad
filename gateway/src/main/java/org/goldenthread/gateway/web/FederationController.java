package org.goldenthread.gateway.web;

import jakarta.validation.Valid;
import org.goldenthread.gateway.federation.AggregateCounts;
import org.goldenthread.gateway.federation.AggregateQuery;
import org.goldenthread.gateway.federation.AggregateView;
import org.goldenthread.gateway.federation.FederatedView;
import org.goldenthread.gateway.federation.FederatedViews;
import org.goldenthread.gateway.federation.KnownTo;
import org.goldenthread.gateway.federation.KnownToRequest;
import org.goldenthread.gateway.federation.KnownToSearch;
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

    private final FederatedViews views;
    private final KnownToSearch knownTo;
    private final AggregateCounts counts;

    FederationController(FederatedViews views, KnownToSearch knownTo, AggregateCounts counts) {
        this.views = views;
        this.knownTo = knownTo;
        this.counts = counts;
    }

    /** The joined-up view of one subject for one purpose, with a status per agency. */
    @PostMapping("/subjects/view")
    Mono<FederatedView> view(@Valid @RequestBody ViewRequest request, @AuthenticationPrincipal Jwt user) {
        return Mono.defer(() -> views.view(request, user));
    }

    /** Which agencies are working with this person (purpose COORDINATION, INVOLVEMENT only). */
    @PostMapping("/subjects/known-to")
    Mono<KnownTo> knownTo(@Valid @RequestBody KnownToRequest request, @AuthenticationPrincipal Jwt user) {
        return Mono.defer(() -> knownTo.search(request, user));
    }

    /**
     * Counts across agencies for outcome evidence (no subject): who may ask is consent-service's
     * call (team managers and agency admins), and each agency's agreement decides what it counts.
     */
    @PostMapping("/aggregates")
    Mono<AggregateView> aggregates(@Valid @RequestBody AggregateQuery query, @AuthenticationPrincipal Jwt user) {
        return Mono.defer(() -> counts.count(query, user));
    }
}
