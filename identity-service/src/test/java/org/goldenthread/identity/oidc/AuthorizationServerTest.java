package org.goldenthread.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.identity.Browser;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserAccounts;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.platform.web.AccessTokenValidation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

/** The OpenID Connect provider driven over HTTP as a browser, the gateway and a service would. */
class AuthorizationServerTest {

    static final String PASSWORD = "a long river bends twice";
    static final String PORTAL_CALLBACK = "http://127.0.0.1:9/portal/callback";
    static final String BFF_CALLBACK = "http://127.0.0.1:9/login/oauth2/code/golden-thread";
    static final String BFF_SECRET = "bff-secret-that-is-long-enough-0123456789";
    static final String SERVICE_SECRET = "outcomes-secret-that-is-long-enough-0123456789";

    @TempDir
    static Path data;
    static RunningIdentity identity;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data,
                "--goldenthread.identity.clients.portal.redirect-uri=" + PORTAL_CALLBACK,
                "--goldenthread.identity.clients.gateway-bff.redirect-uri=" + BFF_CALLBACK,
                "--goldenthread.identity.clients.gateway-bff.secret=" + BFF_SECRET,
                "--goldenthread.identity.clients.outcomes-service.secret=" + SERVICE_SECRET);
        identity.bean(UserDirectory.class).ensureUser("kw.police", "Pat Constable", "police",
                Set.of(Role.KEY_WORKER, Role.DPO), PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static JsonNode json(String body) {
        return RunningIdentity.JSON.readTree(body);
    }

    /** Signs in through the login page and returns the authorization code sent to the client. */
    static String authorizationCode(Browser browser, String clientId, String redirectUri, String verifier) {
        return authorizationCode(browser, clientId, redirectUri, verifier, "kw.police");
    }

    static String authorizationCode(Browser browser, String clientId, String redirectUri, String verifier, String username) {
        String state = UUID.randomUUID().toString();
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope=openid%20profile"
                + "&redirect_uri=" + redirectUri + "&state=" + state
                + (verifier == null ? "" : "&code_challenge=" + Browser.s256(verifier) + "&code_challenge_method=S256");
        HttpResponse<String> toLogin = browser.get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(Browser.location(toLogin)).endsWith("/login");

        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD, null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> back = browser.get(Browser.location(signedIn));
        assertThat(back.statusCode()).isEqualTo(302);
        String callback = Browser.location(back);
        assertThat(callback).startsWith(redirectUri);
        assertThat(Browser.query(callback, "state")).isEqualTo(state);
        return Browser.query(callback, "code");
    }

    static HttpResponse<String> token(Browser browser, Map<String, String> form, String... headers) {
        return browser.postForm("/oauth2/token", form, headers);
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    static void assertUserAccessToken(String accessToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        // Verified exactly as every other service verifies tokens: JWKS over HTTP, issuer, audience, type.
        Jwt verified = AccessTokenValidation.servletDecoder(identity.baseUrl(), "https://identity.test").decode(accessToken);
        assertThat(verified.getSubject()).isEqualTo("kw.police");
        assertThat(verified.getAudience()).containsExactly("golden-thread");
        assertThat(verified.getClaimAsString("agency")).isEqualTo("police");
        assertThat(verified.getClaimAsStringList("roles")).containsExactly("KEY_WORKER", "DPO");
        assertThat(verified.getClaimAsString("name")).isEqualTo("Pat Constable");
        assertThat(verified.getId()).isNotBlank();
    }

    @Nested
    class Discovery {

        @Test
        void publishesTheIssuerTheSameJwksAndTheSupportedFlows() {
            JsonNode config = json(new Browser(identity.baseUrl()).get("/.well-known/openid-configuration").body());
            assertThat(config.get("issuer").asString()).isEqualTo("https://identity.test");
            assertThat(config.get("jwks_uri").asString()).isEqualTo("https://identity.test/.well-known/jwks.json");
            assertThat(config.get("grant_types_supported").valueStream().map(JsonNode::asString))
                    .contains("authorization_code", "client_credentials", "refresh_token");
            assertThat(config.get("code_challenge_methods_supported").valueStream().map(JsonNode::asString))
                    .containsExactly("S256");
            assertThat(config.get("id_token_signing_alg_values_supported").valueStream().map(JsonNode::asString))
                    .containsExactly("ES256");
            assertThat(config.get("end_session_endpoint").asString()).isEqualTo("https://identity.test/connect/logout");
        }
    }

    @Nested
    class AuthorizationCodeWithPkce {

        @Test
        void issuesAnAccessTokenWithTheUsersClaimsForTheRightVerifier() throws Exception {
            Browser browser = new Browser(identity.baseUrl());
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            String code = authorizationCode(browser, "portal", PORTAL_CALLBACK, verifier);

            HttpResponse<String> answer = token(browser, form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", PORTAL_CALLBACK, "client_id", "portal", "code_verifier", verifier));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            JsonNode body = json(answer.body());
            assertUserAccessToken(body.get("access_token").asString());
            assertThat(body.get("id_token")).isNotNull();
            // A public client gets no refresh token: it could not keep one safe.
            assertThat(body.get("refresh_token")).isNull();

            String accessToken = body.get("access_token").asString();
            assertThat(identity.http().get().uri("/api/identity/me").header("Authorization", "Bearer " + accessToken)
                    .retrieve().toEntity(String.class).getBody()).contains("\"agency\":\"police\"");
        }

        @Test
        void refusesTheCodeWithAWrongVerifier() {
            Browser browser = new Browser(identity.baseUrl());
            String code = authorizationCode(browser, "portal", PORTAL_CALLBACK, "the-real-verifier-" + UUID.randomUUID());
            HttpResponse<String> answer = token(browser, form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", PORTAL_CALLBACK, "client_id", "portal",
                    "code_verifier", "a-guessed-verifier-" + UUID.randomUUID()));
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(json(answer.body()).get("error").asString()).isEqualTo("invalid_grant");
        }

        @Test
        void refusesAnAuthorizationRequestWithoutACodeChallenge() {
            Browser browser = new Browser(identity.baseUrl());
            browser.signIn("kw.police", PASSWORD, null);
            HttpResponse<String> answer = browser.get("/oauth2/authorize?response_type=code&client_id=portal"
                    + "&scope=openid&redirect_uri=" + PORTAL_CALLBACK + "&state=s1");
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(Browser.query(Browser.location(answer), "error")).isEqualTo("invalid_request");
            assertThat(Browser.query(Browser.location(answer), "code")).isNull();
        }

        @Test
        void sendsAWrongPasswordBackToTheLoginPageWithOneMessage() {
            Browser browser = new Browser(identity.baseUrl());
            browser.get("/oauth2/authorize?response_type=code&client_id=portal&scope=openid&redirect_uri="
                    + PORTAL_CALLBACK + "&code_challenge=" + Browser.s256("v".repeat(50)) + "&code_challenge_method=S256");
            HttpResponse<String> wrong = browser.signIn("kw.police", "not the password at all", null);
            HttpResponse<String> unknown = browser.signIn("nobody.at.all", "not the password at all", null);
            assertThat(Browser.location(wrong)).endsWith("/login?error");
            assertThat(Browser.location(unknown)).isEqualTo(Browser.location(wrong));
        }

        @Test
        void servesTheLoginPageUncachedUnframedAndWithoutScripts() {
            HttpResponse<String> page = new Browser(identity.baseUrl()).get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(page.body()).contains("name=\"totp\"").doesNotContain("<script");
        }

        @Test
        void refusesTheLoginFormWithoutTheCsrfToken() {
            Browser browser = new Browser(identity.baseUrl());
            HttpResponse<String> answer = browser.postForm("/login", form("username", "kw.police", "password", PASSWORD));
            assertThat(answer.statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class GatewayAsBackendForFrontend {

        @Test
        void exchangesTheCodeWithItsSecretAndRefreshesWithRotation() throws Exception {
            Browser browser = new Browser(identity.baseUrl());
            String verifier = "bff-" + UUID.randomUUID() + UUID.randomUUID();
            String code = authorizationCode(browser, "gateway-bff", BFF_CALLBACK, verifier);
            HttpResponse<String> answer = token(browser, form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", BFF_CALLBACK, "code_verifier", verifier),
                    "Authorization", Browser.basic("gateway-bff", BFF_SECRET));
            assertThat(answer.statusCode()).isEqualTo(200);
            String refreshToken = json(answer.body()).get("refresh_token").asString();
            assertThat(refreshToken).isNotBlank();

            Object signedIn = SignedJWT.parse(json(answer.body()).get("access_token").asString()).getJWTClaimsSet()
                    .getClaim("auth_time");
            assertThat(signedIn).isNotNull();

            // Tokens carry whole seconds: refresh once the second of the sign-in has passed, so that a refreshed token
            // stamping "now" as its auth_time would differ from the sign-in's.
            long signInSecond = ((Number) signedIn).longValue();
            while (java.time.Instant.now().getEpochSecond() <= signInSecond) {
                Thread.onSpinWait();
            }
            HttpResponse<String> refreshed = token(browser, form("grant_type", "refresh_token", "refresh_token", refreshToken),
                    "Authorization", Browser.basic("gateway-bff", BFF_SECRET));
            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertUserAccessToken(json(refreshed.body()).get("access_token").asString());
            assertThat(SignedJWT.parse(json(refreshed.body()).get("access_token").asString()).getJWTClaimsSet()
                    .getClaim("auth_time")).as("a refresh is not a new sign-in").isEqualTo(signedIn);
            assertThat(json(refreshed.body()).get("refresh_token").asString()).isNotEqualTo(refreshToken);

            HttpResponse<String> replayed = token(browser, form("grant_type", "refresh_token", "refresh_token", refreshToken),
                    "Authorization", Browser.basic("gateway-bff", BFF_SECRET));
            assertThat(replayed.statusCode()).isEqualTo(400);
            assertThat(json(replayed.body()).get("error").asString()).isEqualTo("invalid_grant");
        }

        @Test
        void refusesToRefreshForAUserWhoHasSinceBeenDisabled() {
            identity.bean(UserDirectory.class).ensureUser("leaver", "Lee Leaver", "police", Set.of(Role.KEY_WORKER), PASSWORD);
            Browser browser = new Browser(identity.baseUrl());
            String verifier = "bff-" + UUID.randomUUID() + UUID.randomUUID();
            String code = authorizationCode(browser, "gateway-bff", BFF_CALLBACK, verifier, "leaver");
            String refreshToken = json(token(browser, form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", BFF_CALLBACK, "code_verifier", verifier),
                    "Authorization", Browser.basic("gateway-bff", BFF_SECRET)).body()).get("refresh_token").asString();

            identity.bean(UserAccounts.class).setDisabled("leaver", true);
            HttpResponse<String> refused = token(browser, form("grant_type", "refresh_token", "refresh_token", refreshToken),
                    "Authorization", Browser.basic("gateway-bff", BFF_SECRET));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused.body()).get("error").asString()).isEqualTo("invalid_grant");
        }

        @Test
        void refusesTheCodeExchangeWithAWrongSecret() {
            Browser browser = new Browser(identity.baseUrl());
            String verifier = "bff-" + UUID.randomUUID() + UUID.randomUUID();
            String code = authorizationCode(browser, "gateway-bff", BFF_CALLBACK, verifier);
            HttpResponse<String> answer = token(browser, form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", BFF_CALLBACK, "code_verifier", verifier),
                    "Authorization", Browser.basic("gateway-bff", BFF_SECRET + "x"));
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(json(answer.body()).get("error").asString()).isEqualTo("invalid_client");
        }
    }

    @Nested
    class ClientCredentials {

        @Test
        void issuesAServiceTokenWithoutUserClaims() throws Exception {
            HttpResponse<String> answer = token(new Browser(identity.baseUrl()), form("grant_type", "client_credentials"),
                    "Authorization", Browser.basic("outcomes-service", SERVICE_SECRET));
            assertThat(answer.statusCode()).isEqualTo(200);
            String accessToken = json(answer.body()).get("access_token").asString();
            Jwt verified = AccessTokenValidation.servletDecoder(identity.baseUrl(), "https://identity.test").decode(accessToken);
            assertThat(verified.getSubject()).isEqualTo("outcomes-service");
            assertThat(verified.getClaimAsString("client_id")).isEqualTo("outcomes-service");
            assertThat(verified.getClaimAsStringList("roles")).isEmpty();
            assertThat(verified.hasClaim("agency")).isFalse();
            assertThat(SignedJWT.parse(accessToken).getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        }

        @Test
        void refusesAWrongSecret() {
            HttpResponse<String> answer = token(new Browser(identity.baseUrl()), form("grant_type", "client_credentials"),
                    "Authorization", Browser.basic("outcomes-service", "wrong-secret-wrong-secret-wrong-secret"));
            assertThat(answer.statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class Logout {

        @Test
        void endsTheSessionSoTheNextAuthorizationAsksForALoginAgain() {
            Browser browser = new Browser(identity.baseUrl());
            authorizationCode(browser, "portal", PORTAL_CALLBACK, "v".repeat(60));
            String csrf = Browser.csrf(browser.get("/login").body());
            HttpResponse<String> out = browser.postForm("/logout", form("_csrf", csrf));
            assertThat(Browser.location(out)).endsWith("/login?logout");
            HttpResponse<String> again = browser.get("/oauth2/authorize?response_type=code&client_id=portal&scope=openid"
                    + "&redirect_uri=" + PORTAL_CALLBACK + "&code_challenge=" + Browser.s256("w".repeat(60))
                    + "&code_challenge_method=S256");
            assertThat(Browser.location(again)).endsWith("/login");
        }
    }
}
