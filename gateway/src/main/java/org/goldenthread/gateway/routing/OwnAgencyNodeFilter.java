package org.goldenthread.gateway.routing;

import java.net.URI;
import org.goldenthread.gateway.registry.Agency;
import org.goldenthread.gateway.registry.AgencyDirectory;
import org.goldenthread.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.goldenthread.gateway.web.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code /api/agencies/{agency}/**} → that agency's node REST API ({@code /api/**}), only for
 * users of that agency. Staff reach their own records this way; another agency's records are
 * reached through the federation API alone, under a consent decision. (The node checks the
 * agency claim again itself.)
 */
class OwnAgencyNodeFilter implements GatewayFilter {

    private static final String PREFIX = "/api/agencies/";

    private final ObjectProvider<AgencyDirectory> directory;

    OwnAgencyNodeFilter(ObjectProvider<AgencyDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String agencyId = ServerWebExchangeUtils.getUriTemplateVariables(exchange).get("agency");
        return exchange.getPrincipal()
                .cast(JwtAuthenticationToken.class)
                .map(user -> agencyId != null && agencyId.equals(user.getToken().getClaimAsString("agency")))
                .defaultIfEmpty(false)
                .flatMap(ownAgency -> ownAgency ? route(exchange, chain, agencyId)
                        : ProblemResponses.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "wrong-agency",
                                "you can reach only your own agency's records here; other agencies' through the federation API")));
    }

    private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, String agencyId) {
        return directory.getObject().agencies().flatMap(registry -> {
            Agency agency = registry.get(agencyId);
            if (agency == null || !agency.active() || agency.restUrl() == null) {
                return ProblemResponses.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "agency-node-unavailable", "agency " + agencyId + " has no active node in the registry"));
            }
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target(exchange, agency));
            return chain.filter(exchange);
        });
    }

    private static URI target(ServerWebExchange exchange, Agency agency) {
        URI incoming = exchange.getRequest().getURI();
        String rest = incoming.getRawPath().substring(PREFIX.length() + agency.id().length());
        return UriComponentsBuilder.fromUriString(agency.restUrl())
                .path("/api" + rest)
                .query(incoming.getRawQuery())
                .build(true)
                .toUri();
    }
}
