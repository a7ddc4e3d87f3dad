package org.goldenthread.gateway.routing;

import org.goldenthread.gateway.registry.AgencyDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one route whose target is not fixed: each agency's node, as the registry says today.
 * The filter runs just after the route's placeholder URL is resolved and replaces it. The
 * directory is looked up lazily: its Feign client's context, while being created, refreshes the
 * routes, which would otherwise need the directory already built.
 */
@Configuration
class AgencyNodeRoutes {

    @Bean
    RouteLocator agencyNodeRoute(RouteLocatorBuilder routes, ObjectProvider<AgencyDirectory> directory) {
        return routes.routes()
                .route("agency-node", route -> route.path("/api/agencies/{agency}/**")
                        .filters(f -> f.filter(new OrderedGatewayFilter(new OwnAgencyNodeFilter(directory),
                                RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1)))
                        .uri("http://agency-node.invalid"))
                .build();
    }
}
