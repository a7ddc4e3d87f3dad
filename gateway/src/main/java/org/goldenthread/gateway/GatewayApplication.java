package org.goldenthread.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Entry point of gateway. {@link #application()} is shared by {@code main} and the launcher, so
 * both boot the same wiring; the configuration file is {@code gateway.yml}, named after the
 * service so several services can share one class path (the launcher, end-to-end tests).
 */
@SpringBootApplication
public class GatewayApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=gateway");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
