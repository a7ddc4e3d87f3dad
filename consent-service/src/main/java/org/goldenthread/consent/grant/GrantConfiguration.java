package org.goldenthread.consent.grant;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.goldenthread.platform.keys.SigningKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The grant-signing keys live in this service's own database, so grants verify across restarts. */
@Configuration
@EnableConfigurationProperties(GrantProperties.class)
class GrantConfiguration {

    /** The system clock, unless one is registered before (a test moves its own instead of sleeping). */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeys signingKeys(MongoDatabase database, Clock clock) {
        return new SigningKeys(database, clock);
    }
}
