package org.goldenthread.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

class OutcomesServiceApplicationTest {

    @TempDir
    static Path data;
    static ConfigurableApplicationContext context;
    static RestClient http;

    @BeforeAll
    static void boot() {
        context = OutcomesServiceApplication.application().run(
                "--server.port=0", "--goldenthread.store.data-dir=" + data);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void reportsHealthyWithItsEmbeddedStore() {
        var health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
        assertThat(data.resolve("outcomes").resolve("store.mv")).exists();
    }

    @Test
    void exposesPrometheusMetrics() {
        var metrics = http.get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesAnApiCallWithoutATokenAsProblemJson() {
        var answer = http.get().uri("/api/outcomes/framework").retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"code\":\"unauthenticated\"").doesNotContain("Exception");
    }
}
