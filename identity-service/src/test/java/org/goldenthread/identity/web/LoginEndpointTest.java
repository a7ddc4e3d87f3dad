package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.user.PasswordPolicyException;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import org.goldenthread.platform.web.AccessTokenValidation;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class LoginEndpointTest {

    static final String PASSWORD = "a long river bends twice";

    @TempDir
    static Path data;
    static RunningIdentity identity;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
        identity.bean(UserDirectory.class).ensureUser("kw.council", "Kim Worker", "council",
                Set.of(Role.KEY_WORKER, Role.TEAM_MANAGER), PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static JsonNode json(ResponseEntity<String> answer) {
        return RunningIdentity.JSON.readTree(answer.getBody());
    }

    static void assertProblem(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json(answer).get("code").asString()).isEqualTo(code);
        assertThat(answer.getBody()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Nested
    class WithTheRightPassword {

        @Test
        void issuesATokenThatVerifiesAgainstTheServedJwks() throws Exception {
            ResponseEntity<String> answer = identity.login("kw.council", PASSWORD);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
            JsonNode body = json(answer);
            assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
            assertThat(body.get("expires_in").asLong()).isEqualTo(900);

            SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
            ResponseEntity<String> jwks = identity.http().get().uri("/.well-known/jwks.json").retrieve().toEntity(String.class);
            assertThat(jwks.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
            JWKSet keys = JWKSet.parse(jwks.getBody());
            assertThat(keys.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
            ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
            assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));

            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo("https://identity.test");
            assertThat(claims.getSubject()).isEqualTo("kw.council");
            assertThat(claims.getAudience()).containsExactly("golden-thread");
            assertThat(claims.getStringClaim("agency")).isEqualTo("council");
            assertThat(claims.getStringListClaim("roles")).containsExactly("KEY_WORKER", "TEAM_MANAGER");
            assertThat(claims.getStringClaim("name")).isEqualTo("Kim Worker");
            assertThat(claims.getJWTID()).isNotBlank();
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofMinutes(15));
            assertThat(claims.getIssueTime().toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        }

        @Test
        void issuesTokensThatOtherServicesAcceptWithTheSharedValidation() {
            String token = identity.token("kw.council", PASSWORD);
            Jwt jwt = AccessTokenValidation.servletDecoder(identity.baseUrl(), "https://identity.test").decode(token);
            assertThat(jwt.getSubject()).isEqualTo("kw.council");
            assertThatThrownBy(() -> AccessTokenValidation.servletDecoder(identity.baseUrl(), "https://elsewhere.test").decode(token))
                    .isInstanceOf(JwtException.class);
        }

        @Test
        void acceptsTheUsernameInAnyCase() {
            assertThat(identity.login("KW.Council", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void answersWhoAmIFromTheToken() {
            String token = identity.token("kw.council", PASSWORD);
            ResponseEntity<String> me = identity.http().get().uri("/api/identity/me")
                    .header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
            assertThat(me.getStatusCode().value()).isEqualTo(200);
            assertThat(me.getBody()).isEqualTo(
                    "{\"username\":\"kw.council\",\"name\":\"Kim Worker\",\"agency\":\"council\",\"roles\":[\"KEY_WORKER\",\"TEAM_MANAGER\"]}");
        }

        @Test
        void refusesWhoAmIWithoutAValidToken() {
            assertProblem(identity.http().get().uri("/api/identity/me").retrieve().toEntity(String.class), 401, "unauthenticated");
            String forged = identity.token("kw.council", PASSWORD);
            forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
            assertProblem(identity.http().get().uri("/api/identity/me").header("Authorization", "Bearer " + forged)
                    .retrieve().toEntity(String.class), 401, "unauthenticated");
        }
    }

    @Nested
    class WithWrongCredentials {

        @Test
        void answersWrongPasswordAndUnknownUserWithTheSameBody() {
            ResponseEntity<String> wrong = identity.login("kw.council", "not the password at all");
            ResponseEntity<String> unknown = identity.login("nobody.here", "not the password at all");
            assertProblem(wrong, 401, "invalid-credentials");
            assertProblem(unknown, 401, "invalid-credentials");
            assertThat(unknown.getBody()).isEqualTo(wrong.getBody());
            assertThat(identity.login("kw.council", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }
    }

    @Nested
    class AfterFreeFailures {

        // Waits, sources and the audit are SignInThrottleTest's; here only that success wipes the slate.
        @Test
        void forgetsEarlierFailuresAfterASuccessfulLogin() {
            identity.user("forgiven", "police", Role.KEY_WORKER, PASSWORD);
            for (int i = 0; i < 3; i++) {
                assertProblem(identity.login("forgiven", "guess number " + i), 401, "invalid-credentials");
            }
            assertThat(identity.login("forgiven", PASSWORD).getStatusCode().value()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertProblem(identity.login("forgiven", "guess number " + i), 401, "invalid-credentials");
            }
            assertThat(identity.login("forgiven", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }
    }

    @Nested
    class WithBadInput {

        @Test
        void namesMissingFields() {
            ResponseEntity<String> answer = identity.postJson("/api/identity/login", "{}");
            assertProblem(answer, 400, "validation-failed");
            assertThat(json(answer).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "password");
        }

        @Test
        void refusesBlankFields() {
            ResponseEntity<String> answer = identity.postJson("/api/identity/login", Map.of("username", " ", "password", ""));
            assertProblem(answer, 400, "validation-failed");
            assertThat(json(answer).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "password");
        }

        @Test
        void treatsAQueryOperatorAsAWrongTypeNotAQuery() {
            ResponseEntity<String> answer = identity.postJson("/api/identity/login", "{\"username\":{\"$gt\":\"\"},\"password\":\"x\"}");
            assertProblem(answer, 400, "validation-failed");
            assertThat(json(answer).get("errors").findValuesAsString("field")).containsExactly("username");
        }

        @Test
        void refusesOversizedFields() {
            ResponseEntity<String> answer = identity.postJson("/api/identity/login",
                    Map.of("username", "u".repeat(65), "password", "p".repeat(257)));
            assertProblem(answer, 400, "validation-failed");
            assertThat(json(answer).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "password");
        }

        @Test
        void refusesABodyThatIsNotJson() {
            assertProblem(identity.postJson("/api/identity/login", "username=kw&password=x"), 400, "malformed-body");
        }
    }

    @Nested
    class CreatingUsers {

        @Test
        void refusesACommonPassword() {
            assertThatThrownBy(() -> identity.user("new.one", "council", Role.KEY_WORKER, "password1234"))
                    .isInstanceOf(PasswordPolicyException.class).hasMessageContaining("commonly used");
            assertThat(identity.bean(UserDirectory.class).find("new.one")).isEmpty();
        }

        @Test
        void refusesAShortPassword() {
            assertThatThrownBy(() -> identity.user("new.two", "council", Role.KEY_WORKER, "short pass"))
                    .isInstanceOf(PasswordPolicyException.class).hasMessageContaining("at least 12");
        }

        @Test
        void leavesAnExistingUserUnchanged() {
            var again = identity.bean(UserDirectory.class).ensureUser("kw.council", "Someone Else", "police",
                    Set.of(Role.DPO), "a different long password");
            assertThat(again.displayName()).isEqualTo("Kim Worker");
            assertThat(again.agency()).isEqualTo("council");
            assertThat(identity.login("kw.council", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }
    }
}
