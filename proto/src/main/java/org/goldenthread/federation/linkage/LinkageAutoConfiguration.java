package org.goldenthread.federation.linkage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A {@link LinkageTokens} bean wherever {@code goldenthread.linkage.key} is configured. */
@AutoConfiguration
@EnableConfigurationProperties(LinkageProperties.class)
@ConditionalOnProperty("goldenthread.linkage.key")
public class LinkageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LinkageTokens linkageTokens(LinkageProperties properties) {
        return new LinkageTokens(LinkageKey.fromBase64(properties.keyId(), properties.key()));
    }
}
