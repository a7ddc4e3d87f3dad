package org.goldenthread.identity.signin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SignInProperties.class)
class SignInConfiguration {
}
