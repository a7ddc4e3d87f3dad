package org.goldenthread.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** identity-service booted with its production wiring on a free port, and a client that never throws. */
public final class RunningIdentity implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final RestClient http;
    private final String baseUrl;

    private RunningIdentity(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
        this.http = RestClient.builder().baseUrl(baseUrl)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    public static RunningIdentity boot(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--goldenthread.store.data-dir=" + dataDir,
                "--goldenthread.identity.issuer=https://identity.test"));
        args.addAll(List.of(extraArgs));
        return new RunningIdentity(IdentityServiceApplication.application().run(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public RestClient http() {
        return http;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public void user(String username, String agency, Role role, String password) {
        bean(UserDirectory.class).ensureUser(username, "Test " + username, agency, Set.of(role), password);
    }

    public ResponseEntity<String> login(String username, String password) {
        return postJson("/api/identity/login", Map.of("username", username, "password", password));
    }

    /** A fresh access token for a user that exists with that password. */
    public String token(String username, String password) {
        ResponseEntity<String> answer = login(username, password);
        if (answer.getStatusCode().value() != 200) {
            throw new IllegalStateException("login failed: " + answer.getStatusCode());
        }
        return JSON.readTree(answer.getBody()).get("access_token").asString();
    }

    public ResponseEntity<String> postJson(String path, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(text).retrieve().toEntity(String.class);
    }

    /** Any call with an optional bearer token and JSON body (a String is sent as it is). */
    public ResponseEntity<String> call(String method, String path, String token, Object body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        return request.retrieve().toEntity(String.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
