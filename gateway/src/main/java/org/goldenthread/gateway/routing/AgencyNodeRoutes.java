package org.goldenthread.gateway.routing;

import org.goldenthread.gateway.registry.AgencyDirectory;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one route whose target is not fixed: each agency's node, as the registry says today.
 * The filter runs just after the route's placeholder URL is resolved and replaces it.
 */
@Configuration
class AgencyNodeRoutes {

    @Bean
    RouteLocator agencyNodeRoute(RouteLocatorBuilder routes, AgencyDirectory directory) {
        return routes.routes()
                .route("agency-node", route -> route.path("/api/agencies/{agency}/**")
                        .filters(f -> f.filter(new OrderedGatewayFilter(new OwnAgencyNodeFilter(directory),
                                RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1)))
                        .uri("http://agency-node.invalid"))
                .build();
    }
}
