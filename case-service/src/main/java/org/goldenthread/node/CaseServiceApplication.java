package org.goldenthread.node;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point of case-service. {@link #application()} is shared by {@code main} and the launcher, so
 * both boot the same wiring; the configuration file is {@code case-service.yml}, named after the
 * service so several services can share one class path (the launcher, end-to-end tests).
 */
@SpringBootApplication
@EnableConfigurationProperties({NodeProperties.class, org.goldenthread.node.federation.NodeTls.class})
public class CaseServiceApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CaseServiceApplication.class)
                .properties("spring.config.name=case-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
