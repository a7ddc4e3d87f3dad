package org.goldenthread.consent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Entry point of consent-service. {@link #application()} is shared by {@code main} and the launcher, so
 * both boot the same wiring; the configuration file is {@code consent-service.yml}, named after the
 * service so several services can share one class path (the launcher, end-to-end tests).
 */
@SpringBootApplication
public class ConsentServiceApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ConsentServiceApplication.class)
                .properties("spring.config.name=consent-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
