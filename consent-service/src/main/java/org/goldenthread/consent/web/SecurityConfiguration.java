package org.goldenthread.consent.web;

import org.goldenthread.platform.web.ApiSecurity;
import org.goldenthread.platform.web.ProblemJsonWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every call needs a Golden Thread access token except the grant JWKS (nodes fetch it) and the
 * operations endpoints. Recording consent is key-worker or team-manager work, changing sharing
 * agreements agency-admin work, the review queues (break-glass, consent bursts) and decision record DPO
 * work; agency checks (who
 * may withdraw or read a record) need the record and live in the services and controllers.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemJsonWriter problems) throws Exception {
        return ApiSecurity.statelessApi(http, problems, auth -> auth
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/consents").hasAnyRole("KEY_WORKER", "TEAM_MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/consents/isas", "/api/consents/isas/*").authenticated()
                        .requestMatchers("/api/consents/isas", "/api/consents/isas/**").hasRole("AGENCY_ADMIN")
                        .requestMatchers("/api/consents/reviews", "/api/consents/reviews/**").hasRole("DPO")
                        .requestMatchers("/api/consents/burst-alerts", "/api/consents/burst-alerts/**").hasRole("DPO")
                        .requestMatchers("/api/consents/decisions").hasRole("DPO")
                        // Counts across agencies are for those who answer for a programme's outcomes.
                        .requestMatchers(HttpMethod.POST, "/decisions/aggregate").hasAnyRole("TEAM_MANAGER", "AGENCY_ADMIN"))
                .build();
    }
}
