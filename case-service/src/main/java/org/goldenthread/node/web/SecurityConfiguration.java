package org.goldenthread.node.web;

import org.goldenthread.node.NodeProperties;
import org.goldenthread.platform.web.ApiSecurity;
import org.goldenthread.platform.web.ProblemJsonWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call needs a Golden Thread access token of this node's own agency (checked once, in
 * {@link OwnAgencyFilter}); the audit log is for the agency's DPO and administrators. Operations
 * endpoints stay open to the probe port.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemJsonWriter problems, NodeProperties node) throws Exception {
        return ApiSecurity.statelessApi(http, problems, auth -> auth
                        .requestMatchers("/api/audit", "/api/audit/**").hasAnyRole("DPO", "AGENCY_ADMIN"))
                .addFilterAfter(new OwnAgencyFilter(node.agencyId()), BearerTokenAuthenticationFilter.class)
                .build();
    }
}
