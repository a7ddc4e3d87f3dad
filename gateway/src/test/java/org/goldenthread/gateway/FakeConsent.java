package org.goldenthread.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for consent-service's decision API over real HTTP on loopback: answers whatever the
 * test sets (a decision with a grant per agency, or a problem), and keeps the request bodies the
 * gateway sent. (The launcher's end-to-end test runs the real consent-service.)
 */
final class FakeConsent implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String body = "{}";

    FakeConsent() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/decisions", this::decide);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next answers: a decision about the agencies given, e.g. {@code permit("housing", "HOUSING")}. */
    void decides(String... agencyEntries) {
        answer(200, "application/json", """
                {"decisionId":"decision-1","purpose":"CASE_MANAGEMENT","expiresAt":"2030-01-01T00:00:00Z",
                 "agencies":[%s]}""".formatted(String.join(",", agencyEntries)));
    }

    void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        requests.clear();
        calls.set(0);
    }

    static String permit(String agency, String... categories) {
        return """
                {"agency":"%s","outcome":"PERMIT","categories":[%s],"basis":"CONSENT","recordId":"consent-%s",
                 "grant":"grant-for-%s"}""".formatted(agency, quoted(categories), agency, agency);
    }

    static String permitWithoutGrant(String agency, String... categories) {
        return """
                {"agency":"%s","outcome":"PERMIT","categories":[%s],"basis":"CONSENT","recordId":"consent-%s"}"""
                .formatted(agency, quoted(categories), agency);
    }

    static String deny(String agency, String reason) {
        return """
                {"agency":"%s","outcome":"DENY","reason":"%s"}""".formatted(agency, reason);
    }

    /** The last decision request the gateway sent. */
    JsonNode lastRequest() {
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    private void decide(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String quoted(String... values) {
        return String.join(",", java.util.Arrays.stream(values).map(v -> '"' + v + '"').toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
