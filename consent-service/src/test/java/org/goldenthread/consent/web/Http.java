package org.goldenthread.consent.web;

import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running service: raw JSON in, status, body and parsed JSON out. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    Http(int port) {
        this.client = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    record Answer(int status, MediaType contentType, String body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }

        boolean isProblem() {
            return contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    Answer post(String path, String bearer, String json) {
        var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        var entity = request.retrieve().toEntity(String.class);
        return new Answer(entity.getStatusCode().value(), entity.getHeaders().getContentType(), entity.getBody());
    }

    Answer put(String path, String bearer, String json) {
        var request = client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        var entity = request.retrieve().toEntity(String.class);
        return new Answer(entity.getStatusCode().value(), entity.getHeaders().getContentType(), entity.getBody());
    }

    Answer get(String path, String bearer) {
        var request = client.get().uri(path);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        var entity = request.retrieve().toEntity(String.class);
        return new Answer(entity.getStatusCode().value(), entity.getHeaders().getContentType(), entity.getBody());
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
