package org.goldenthread.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the gateway. {@link #application()} is shared by {@code main} and the launcher,
 * so both boot the same wiring; the configuration file is {@code gateway.yml}. The gateway is
 * reactive (WebFlux): it is said explicitly because the launcher's class path also holds the
 * servlet services.
 */
@SpringBootApplication
@EnableFeignClients
@EnableScheduling
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=gateway");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
