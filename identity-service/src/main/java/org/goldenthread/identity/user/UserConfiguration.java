package org.goldenthread.identity.user;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LockoutProperties.class)
class UserConfiguration {

    @Bean
    PasswordHashing passwordHashing() {
        return new PasswordHashing();
    }
}
