package org.goldenthread.gateway.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Puts {@link VerifiedAccessTokens} in front of the gateway's access-token decoder, whichever
 * configuration declares it. {@code goldenthread.gateway.access-token-cache} (default 30s) is how
 * long an accepted token is remembered; 0 turns the cache off.
 */
@Component
class AccessTokenCaching implements BeanPostProcessor {

    static final String PROPERTY = "goldenthread.gateway.access-token-cache";
    private static final int CAPACITY = 10_000;

    private final Duration ttl;

    AccessTokenCaching(Environment environment) {
        this.ttl = environment.getProperty(PROPERTY, Duration.class, Duration.ofSeconds(30));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedAccessTokens)
                && !ttl.isZero() && !ttl.isNegative()) {
            return new VerifiedAccessTokens(decoder, ttl, CAPACITY, Clock.systemUTC());
        }
        return bean;
    }
}
