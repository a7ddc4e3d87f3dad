package org.goldenthread.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP/1.1 to the services, as any API client calls them; one client (connection pool)
 * for the whole run, shared by the load workers, for the gateway and the baseline alike.
 */
final class BenchHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    String login(String baseUrl, String username, String password) {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        HttpResponse<String> answer = post(baseUrl + "/api/identity/login", null, body);
        expect(answer, 200, "log in");
        return JSON.readTree(answer.body()).get("access_token").asString();
    }

    HttpResponse<String> post(String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Waits until every health URL answers UP; the moment the last one did. */
    void awaitHealthy(List<String> healthUrls, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (String url : healthUrls) {
            while (!up(url)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not healthy within " + timeout + ": " + url);
                }
                ClosedLoop.sleep(Duration.ofMillis(100));
            }
        }
    }

    private boolean up(String url) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri().getAuthority() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("could not " + what + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
    }
}
