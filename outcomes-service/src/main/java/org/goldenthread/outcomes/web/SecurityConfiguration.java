package org.goldenthread.outcomes.web;

import org.goldenthread.platform.web.ApiSecurity;
import org.goldenthread.platform.web.ProblemJsonWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Every API call needs a Golden Thread access token; operations endpoints stay open to the probe port. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemJsonWriter problems) throws Exception {
        return ApiSecurity.statelessApi(http, problems, auth -> { }).build();
    }
}
