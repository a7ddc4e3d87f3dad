package org.goldenthread.outcomes;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Entry point of outcomes-service. {@link #application()} is shared by {@code main} and the launcher, so
 * both boot the same wiring; the configuration file is {@code outcomes-service.yml}, named after the
 * service so several services can share one class path (the launcher, end-to-end tests).
 */
@SpringBootApplication
public class OutcomesServiceApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OutcomesServiceApplication.class)
                .properties("spring.config.name=outcomes-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
