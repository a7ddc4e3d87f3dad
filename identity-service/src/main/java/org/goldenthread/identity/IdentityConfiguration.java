package org.goldenthread.identity;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IdentityConfiguration {

    /** One clock for token times and sign-in waits, so a test or a replay can substitute it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
