package org.goldenthread.identity.web;

import org.goldenthread.platform.web.ApiSecurity;
import org.goldenthread.platform.web.ProblemJsonWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Login and the JWKS are open by nature. Reading the agency registry is open too for now: the
 * gateway reads it without a user, and service clients (client credentials) arrive with the
 * OpenID Connect provider. Changing the registry takes a federation administrator.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemJsonWriter problems) throws Exception {
        return ApiSecurity.statelessApi(http, problems, auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/identity/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/identity/agencies", "/api/identity/agencies/*").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/identity/agencies/*").hasRole("FEDERATION_ADMIN"))
                .build();
    }
}
