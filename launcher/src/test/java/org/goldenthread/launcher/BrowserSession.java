package org.goldenthread.launcher;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as sign-in through the gateway needs one: keeps cookies, follows no redirect
 * by itself (each hop is asserted), fills in the login form, and echoes the CSRF cookie the way
 * the portal's script will.
 */
final class BrowserSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    /**
     * HTTP/1.1 as browsers speak it to a plain-http origin (no h2c upgrade attempt on a POST), and a
     * new client, so a new connection, per request: twice a POST sent on a pooled keep-alive
     * connection got no answer in the JDK 17 client under load (the server showed nothing in
     * flight); the cookies, which are what make the session, are shared.
     */
    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> postJson(String url, String body, boolean withCsrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withCsrfHeader) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return send(request.build());
    }

    HttpResponse<String> postWithCsrf(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Fills in identity-service's login page (found at {@code loginUrl}) and submits it. */
    HttpResponse<String> signIn(String loginUrl, String username, String password) {
        Matcher csrf = CSRF_FIELD.matcher(get(loginUrl).body());
        if (!csrf.find()) {
            throw new AssertionError("the login page has no CSRF field");
        }
        String form = Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1).replace("&#61;", "=").replace("&amp;", "&"))
                .entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(loginUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "expected a redirect, got " + response.statusCode()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            // A hung exchange fails the test instead of the build.
            return client().sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(request.method() + " " + request.uri().getPath() + " did not complete: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
