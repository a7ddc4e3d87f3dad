package org.goldenthread.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to the services, as any client of their APIs would call them. */
final class ServiceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String loginUrl;

    /** @param baseUrl where {@code /api/identity/login} is answered: the gateway or identity-service */
    ServiceClient(String baseUrl) {
        this.loginUrl = baseUrl + "/api/identity/login";
    }

    String login(String username, String password) {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        HttpResponse<String> answer = send(post(loginUrl, null, body));
        expect(answer, 200, "log in as " + username);
        return JSON.readTree(answer.body()).get("access_token").asString();
    }

    void put(String url, String token, String body) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.statusCode() != 200 && answer.statusCode() != 201) {
            expect(answer, 200, "PUT " + URI.create(url).getPath());
        }
    }

    /** True when created; false when the service already holds it (409). */
    boolean postUnlessDuplicate(String url, String token, String body) {
        HttpResponse<String> answer = send(post(url, token, body));
        if (answer.statusCode() == 409) {
            return false;
        }
        expect(answer, 201, "POST " + URI.create(url).getPath());
        return true;
    }

    /**
     * Records a consent through {@code consentsUrl} ({@code …/api/consents}): the record, new (201) or already
     * held for the same evidence reference (409 {@code duplicate-consent}).
     */
    Recorded recordConsent(String consentsUrl, String token, String body) {
        HttpResponse<String> answer = send(post(consentsUrl, token, body));
        if (answer.statusCode() == 409) {
            return new Recorded(JSON.readTree(answer.body()).get("consentId").asString(), false);
        }
        expect(answer, 201, "POST " + URI.create(consentsUrl).getPath());
        return new Recorded(JSON.readTree(answer.body()).get("id").asString(), true);
    }

    /** A consent record's id, and whether this call created it. */
    record Recorded(String id, boolean created) {
    }

    /**
     * A source agency's DPO acknowledges revision 1 of a consent for their agency ({@code consentsUrl} as above):
     * true when this acknowledged it, false when it was acknowledged already (409).
     */
    boolean acknowledgeConsent(String consentsUrl, String dpoToken, String consentId) {
        HttpResponse<String> answer = send(post(consentsUrl + "/consent-reviews/" + consentId + ".r1/acknowledgement",
                dpoToken, "{}"));
        if (answer.statusCode() == 409) {
            return false;
        }
        expect(answer, 200, "acknowledge consent " + consentId);
        return true;
    }

    tools.jackson.databind.JsonNode getJson(String url, String token) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build());
        expect(answer, 200, "GET " + URI.create(url).getPath());
        return JSON.readTree(answer.body());
    }

    private static HttpRequest post(String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri().getAuthority() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("could not " + what + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
    }
}
