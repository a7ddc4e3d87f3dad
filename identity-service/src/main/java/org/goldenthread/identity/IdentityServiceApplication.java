package org.goldenthread.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Entry point of identity-service. {@link #application()} is shared by {@code main} and the launcher, so
 * both boot the same wiring; the configuration file is {@code identity-service.yml}, named after the
 * service so several services can share one class path (the launcher, end-to-end tests).
 */
@SpringBootApplication
public class IdentityServiceApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IdentityServiceApplication.class)
                .properties("spring.config.name=identity-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
