package org.goldenthread.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.platform.keys.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in, end to end with the real identity-service, gateway and node: a browser signs in
 * through the gateway (authorization code + PKCE, the gateway as confidential client) and works
 * with a session cookie only; and forged, expired, wrong-audience or unsigned tokens are refused
 * by the gateway and by a node alike.
 */
class SignInIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOM = """
            {"nhsNumber":"9434765919","familyName":"Hale","givenName":"Tom","dateOfBirth":"2007-03-14"}""";

    @TempDir
    static Path data;
    static LocalFederation federation;
    static String gateway;
    static String policeNode;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startFederation() {
        federation = LocalFederation.start(new FederationPlan(data, 0,
                List.of(new AgencySpec("police", "Police", List.of("INVOLVEMENT", "CRIME"))), false,
                List.of("--goldenthread.gateway.node-deadline=3s")), (s, u, ms) -> { });
        gateway = federation.gatewayUrl();
        policeNode = "http://127.0.0.1:" + ((WebServerApplicationContext) federation.node("police")).getWebServer().getPort();
        UserDirectory users = federation.identity().getBean(UserDirectory.class);
        users.ensureUser("kw", "Sam Patel", "council", Set.of(Role.KEY_WORKER), PASSWORD);
        users.ensureUser("police.worker", "Pat Officer", "police", Set.of(Role.KEY_WORKER), PASSWORD);
        ServiceClient services = new ServiceClient(gateway);
        String officer = services.login("police.worker", PASSWORD);
        services.put(gateway + "/api/agencies/police/subjects/S-1", officer, TOM);
        services.put(gateway + "/api/agencies/police/cases/C-1", officer, """
                {"subjectRef":"S-1","caseType":"demo","category":"CRIME","status":"OPEN","openedAt":"2026-06-01T09:00:00Z",
                 "leadWorker":"Pat Officer","team":"Team","contact":"01632 960000"}""");
        services.postUnlessDuplicate(gateway + "/api/consents", services.login("kw", PASSWORD), """
                {"subject":%s,"period":{"start":"2026-01-01T00:00:00Z","consentedOn":"2026-01-01","backdatingReason":"Signed on paper in January; entered from the case file"},
                 "evidence":{"kind":"SIGNED_FORM","reference":"SIGN-IN-1","privacyNoticeVersion":"v3"},
                 "provisions":[{"type":"PERMIT","sources":["police"],"recipients":["council"],
                                "purposes":["CASE_MANAGEMENT"],"categories":["INVOLVEMENT","CRIME"]}]}""".formatted(TOM));
    }

    @AfterAll
    static void stopFederation() {
        if (federation != null) {
            federation.close();
        }
    }

    /** Walks the authorization-code flow from the gateway's sign-in link to the gateway's callback. */
    static HttpResponse<String> signInThroughTheGateway(BrowserSession browser, String username) {
        HttpResponse<String> start = browser.get(gateway + "/oauth2/authorization/golden-thread");
        String authorize = BrowserSession.location(start);
        assertThat(authorize).startsWith(federation.identityUrl() + "/oauth2/authorize")
                .contains("client_id=gateway-bff", "code_challenge=", "code_challenge_method=S256");
        String loginPage = BrowserSession.location(browser.get(authorize));
        assertThat(loginPage).isEqualTo(federation.identityUrl() + "/login");
        HttpResponse<String> signedIn = browser.signIn(loginPage, username, PASSWORD);
        HttpResponse<String> backToAuthorize = browser.get(BrowserSession.location(signedIn));
        String callback = BrowserSession.location(backToAuthorize);
        assertThat(callback).startsWith(gateway + "/login/oauth2/code/golden-thread?code=");
        return browser.get(callback);
    }

    @Nested
    class ABrowserSigningInThroughTheGateway {

        @Test
        void getsASessionCookieAndNeverAToken() {
            BrowserSession browser = new BrowserSession();
            HttpResponse<String> landed = signInThroughTheGateway(browser, "kw");

            assertThat(landed.statusCode()).isEqualTo(302);
            assertThat(BrowserSession.location(landed)).isEqualTo("/api/me");
            assertThat(browser.cookie("GT_SESSION")).isNotBlank();
            assertThat(landed.headers().firstValue("Set-Cookie").orElse("")).containsIgnoringCase("HttpOnly");
            HttpResponse<String> me = browser.get(gateway + "/api/me");
            assertThat(me.statusCode()).isEqualTo(200);
            JsonNode user = JSON.readTree(me.body());
            assertThat(user.get("username").asString()).isEqualTo("kw");
            assertThat(user.get("agency").asString()).isEqualTo("council");
            assertThat(user.get("roles").valueStream().map(JsonNode::asString)).containsExactly("KEY_WORKER");
            // What reached the browser: an opaque session id, no JWT anywhere.
            assertThat(me.body() + landed.headers().map()).doesNotContain("eyJ");
        }

        @Test
        void usesTheFederationWithItsSessionAndACsrfToken() {
            BrowserSession browser = new BrowserSession();
            signInThroughTheGateway(browser, "kw");
            browser.get(gateway + "/api/me");
            String view = """
                    {"purpose":"CASE_MANAGEMENT","subject":%s}""".formatted(TOM);

            HttpResponse<String> forged = browser.postJson(gateway + "/api/federation/subjects/view", view, false);
            HttpResponse<String> answered = browser.postJson(gateway + "/api/federation/subjects/view", view, true);

            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(answered.statusCode()).isEqualTo(200);
            JsonNode agencies = JSON.readTree(answered.body()).get("agencies");
            assertThat(agencies.valueStream().filter(a -> a.get("agency").asString().equals("police"))
                    .map(a -> a.get("status").asString())).containsExactly("OK");
        }

        @Test
        void relaysItsTokenToTheServicesBehindTheGateway() {
            BrowserSession browser = new BrowserSession();
            signInThroughTheGateway(browser, "kw");

            HttpResponse<String> agreements = browser.get(gateway + "/api/consents/isas");

            // consent-service answers only a valid bearer token: the gateway sent the session's.
            assertThat(agreements.statusCode()).isEqualTo(200);
        }

        @Test
        void signsOutAtTheGatewayAndAtIdentity() {
            BrowserSession browser = new BrowserSession();
            signInThroughTheGateway(browser, "kw");
            browser.get(gateway + "/api/me");

            HttpResponse<String> out = browser.postWithCsrf(gateway + "/logout");

            assertThat(out.statusCode()).isEqualTo(302);
            assertThat(BrowserSession.location(out)).startsWith(federation.identityUrl() + "/connect/logout")
                    .contains("id_token_hint=");
            assertThat(browser.get(gateway + "/api/me").statusCode()).isEqualTo(401);
        }

        @Test
        void refusesACallbackItDidNotStart() {
            BrowserSession browser = new BrowserSession();
            browser.get(gateway + "/oauth2/authorization/golden-thread");

            HttpResponse<String> forged = browser.get(gateway + "/login/oauth2/code/golden-thread?code=stolen&state=forged");

            assertThat(BrowserSession.location(forged)).contains("sign-in=failed");
            assertThat(browser.get(gateway + "/api/me").statusCode()).isEqualTo(401);
        }

        @Test
        void answersAnApiCallWithoutASession401NotARedirect() {
            HttpResponse<String> answer = new BrowserSession().get(gateway + "/api/me");
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Nested
    class ABadAccessToken {

        static String signed(JWTClaimsSet claims) {
            return federation.identity().getBean(SigningKeys.class).sign(claims, "at+jwt");
        }

        static JWTClaimsSet.Builder officer() {
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder().issuer(LocalFederation.ISSUER).subject("police.worker")
                    .audience("golden-thread").claim("agency", "police").claim("roles", List.of("KEY_WORKER"))
                    .claim("name", "Pat Officer").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                    .jwtID(UUID.randomUUID().toString());
        }

        static int gatewayAnswer(String token) {
            return get(gateway + "/api/me", token);
        }

        static int nodeAnswer(String token) {
            return get(policeNode + "/api/subjects/S-1", token);
        }

        static int get(String url, String token) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static void refusedByBoth(String token) {
            assertThat(gatewayAnswer(token)).as("gateway").isEqualTo(401);
            assertThat(nodeAnswer(token)).as("police node").isEqualTo(401);
        }

        @Test
        void aGenuineTokenIsAcceptedByBoth() {
            String genuine = signed(officer().build());
            assertThat(gatewayAnswer(genuine)).isEqualTo(200);
            assertThat(nodeAnswer(genuine)).isEqualTo(200);
        }

        @Test
        void aTamperedTokenIsRefused() {
            String[] parts = signed(officer().build()).split("\\.");
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("KEY_WORKER", "FEDERATION_ADMIN");
            refusedByBoth(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        }

        @Test
        void anExpiredTokenIsRefused() {
            Instant issued = Instant.now().minus(Duration.ofHours(1));
            refusedByBoth(signed(officer().issueTime(Date.from(issued))
                    .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)))).build()));
        }

        @Test
        void aTokenForAnotherAudienceIsRefused() {
            refusedByBoth(signed(officer().audience("some-other-system").build()));
        }

        @Test
        void aTokenFromAnotherIssuerIsRefused() {
            refusedByBoth(signed(officer().issuer("https://elsewhere.example").build()));
        }

        @Test
        void aTokenTypedJwtSuchAsAnIdTokenIsRefused() {
            refusedByBoth(federation.identity().getBean(SigningKeys.class).sign(officer().build(), "JWT"));
        }

        @Test
        void anUnsignedAlgNoneTokenIsRefused() {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
            String claims = base64.encodeToString(officer().build().toString().getBytes(StandardCharsets.UTF_8));
            refusedByBoth(header + "." + claims + ".");
        }
    }

    /**
     * The takeover of issue 15 fails end to end through the gateway: an agency admin cannot reach the federation
     * admin (who sits in the hub organisation), cannot move an agency, and a federation admin moves an agency's node
     * or pin only just after signing in, never clearing a pin by leaving it out.
     */
    @Nested
    class TheHubsAdministrators {

        static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The registry entry as identity-service itself lists it. */
        static String policeEntry() throws Exception {
            HttpResponse<String> entry = http.send(HttpRequest.newBuilder(
                    URI.create(federation.identityUrl() + "/api/identity/agencies/police")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entry.statusCode()).as(entry.body()).isEqualTo(200);
            return entry.body();
        }

        static String code(HttpResponse<String> answer) {
            return JSON.readTree(answer.body()).path("code").asString();
        }

        @Test
        void anAgencyAdminCannotTakeOverTheFederationAdminNorMoveAnAgency() throws Exception {
            UserDirectory users = federation.identity().getBean(UserDirectory.class);
            users.ensureUser("casey.fed", "Casey Brown", "hub", Set.of(Role.FEDERATION_ADMIN), PASSWORD);
            users.ensureUser("robin.admin", "Robin Hughes", "council", Set.of(Role.AGENCY_ADMIN), PASSWORD);
            String agencyAdmin = new ServiceClient(gateway).login("robin.admin", PASSWORD);

            HttpResponse<String> reset = call("POST", "/api/identity/users/casey.fed/password", agencyAdmin,
                    "{\"password\":\"a brand new passphrase for casey\"}");
            HttpResponse<String> secondFactor = call("POST", "/api/identity/users/casey.fed/totp/reset", agencyAdmin, "{}");
            String police = policeEntry();
            HttpResponse<String> move = call("PUT", "/api/identity/agencies/police", agencyAdmin,
                    police.replace("127.0.0.1:", "203.0.113.9:"));

            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(404);
            assertThat(secondFactor.statusCode()).as(secondFactor.body()).isEqualTo(404);
            assertThat(move.statusCode()).as(move.body()).isEqualTo(403);
            assertThat(new ServiceClient(gateway).login("casey.fed", PASSWORD)).isNotBlank();
            assertThat(policeEntry()).isEqualTo(police);
        }

        @Test
        void aFederationAdminMovesAnAgencyOnlyJustAfterSigningInAndNeverDropsAPinSilently() throws Exception {
            federation.identity().getBean(UserDirectory.class).ensureUser("casey.fed", "Casey Brown", "hub",
                    Set.of(Role.FEDERATION_ADMIN), PASSWORD);
            Instant signedIn = Instant.now().minus(Duration.ofMinutes(20));
            String stale = federation.identity().getBean(SigningKeys.class).sign(new JWTClaimsSet.Builder()
                    .issuer(LocalFederation.ISSUER).subject("casey.fed").audience("golden-thread").claim("agency", "hub")
                    .claim("roles", List.of("FEDERATION_ADMIN")).claim("name", "Casey Brown")
                    .claim("auth_time", signedIn.getEpochSecond()).issueTime(Date.from(Instant.now()))
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).jwtID(UUID.randomUUID().toString()).build(),
                    "at+jwt");
            String police = policeEntry();
            String moved = police.replace("127.0.0.1:", "203.0.113.9:");
            String unpinned = police.replaceAll("\"certificateFingerprint\":\"[0-9A-Fa-f:]+\"", "\"certificateFingerprint\":null");

            HttpResponse<String> staleMove = call("PUT", "/api/identity/agencies/police", stale, moved);
            HttpResponse<String> silentUnpin = call("PUT", "/api/identity/agencies/police",
                    new ServiceClient(gateway).login("casey.fed", PASSWORD), unpinned);

            assertThat(staleMove.statusCode()).as(staleMove.body()).isEqualTo(401);
            assertThat(code(staleMove)).isEqualTo("reauthentication-required");
            assertThat(silentUnpin.statusCode()).as(silentUnpin.body()).isEqualTo(409);
            assertThat(code(silentUnpin)).isEqualTo("certificate-pin-removal-unconfirmed");
            assertThat(policeEntry()).isEqualTo(police);
        }
    }
}
