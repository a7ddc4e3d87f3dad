package org.goldenthread.identity.user;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class UserConfiguration {

    @Bean
    PasswordHashing passwordHashing(@Value("${goldenthread.identity.password-hashing.max-concurrent:8}") int maxConcurrent) {
        return new PasswordHashing(maxConcurrent);
    }
}
