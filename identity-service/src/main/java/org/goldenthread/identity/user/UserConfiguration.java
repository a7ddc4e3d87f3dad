package org.goldenthread.identity.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class UserConfiguration {

    @Bean
    PasswordHashing passwordHashing() {
        return new PasswordHashing();
    }
}
