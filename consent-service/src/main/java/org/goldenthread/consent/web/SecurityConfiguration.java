package org.goldenthread.consent.web;

import org.goldenthread.consent.consent.ConsentAction;
import org.goldenthread.consent.consent.ConsentPermissions;
import org.goldenthread.platform.web.ApiSecurity;
import org.goldenthread.platform.web.ProblemJsonWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every call needs a Golden Thread access token except the grant JWKS (nodes fetch it) and the
 * operations endpoints. Recording, revising and withdrawing consent take the roles
 * {@link ConsentPermissions} grants (key-worker, team manager), the consent review queue the acknowledging
 * roles; changing sharing agreements is agency-admin work, the other review queues (break-glass, consent
 * bursts) and decision record DPO work. Agency checks (whose record it is, which agencies it names) need the
 * record and live in the services, from the same table.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemJsonWriter problems, ConsentPermissions permissions)
            throws Exception {
        return ApiSecurity.statelessApi(http, problems, auth -> auth
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/consents").hasAnyRole(permissions.roles(ConsentAction.RECORD))
                        .requestMatchers("/api/consents/consent-reviews", "/api/consents/consent-reviews/**")
                        .hasAnyRole(permissions.roles(ConsentAction.ACKNOWLEDGE))
                        .requestMatchers(HttpMethod.GET, "/api/consents/isas", "/api/consents/isas/*").authenticated()
                        .requestMatchers("/api/consents/isas", "/api/consents/isas/**").hasRole("AGENCY_ADMIN")
                        .requestMatchers("/api/consents/reviews", "/api/consents/reviews/**").hasRole("DPO")
                        .requestMatchers("/api/consents/burst-alerts", "/api/consents/burst-alerts/**").hasRole("DPO")
                        .requestMatchers("/api/consents/decisions").hasRole("DPO")
                        // After every fixed path above: one path segment is a consent id.
                        .requestMatchers(HttpMethod.PUT, "/api/consents/*").hasAnyRole(permissions.roles(ConsentAction.REVISE))
                        .requestMatchers(HttpMethod.POST, "/api/consents/*/withdrawal")
                        .hasAnyRole(permissions.roles(ConsentAction.WITHDRAW))
                        // Counts across agencies are for those who answer for a programme's outcomes.
                        .requestMatchers(HttpMethod.POST, "/decisions/aggregate").hasAnyRole("TEAM_MANAGER", "AGENCY_ADMIN"))
                .build();
    }
}
