package org.goldenthread.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.goldenthread.identity.token.AccessTokens;
import org.goldenthread.identity.token.IssuedToken;
import org.goldenthread.identity.user.PasswordLogin;
import org.goldenthread.identity.user.SignInAttempt;
import org.goldenthread.identity.user.SignInResult;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password login for API clients and the demo tooling: the same checks as the login page, the
 * same access token as the authorization server issues. Browsers use the authorization-code flow.
 */
@RestController
class LoginController {

    /** {@code totp}: the one-time code or a recovery code, for users who set up a second factor. */
    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password,
            @Size(max = 32) String totp) {

        @Override
        public String toString() {
            return "LoginRequest[credentials omitted]";
        }
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }

    private final PasswordLogin login;
    private final AccessTokens tokens;
    private final SignInSource sources;

    LoginController(PasswordLogin login, AccessTokens tokens, SignInSource sources) {
        this.login = login;
        this.tokens = tokens;
        this.sources = sources;
    }

    @PostMapping("/api/identity/login")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        SignInResult result = login.signIn(new SignInAttempt(request.username(), request.password(), request.totp(),
                "api", sources.of(http)));
        if (result instanceof SignInResult.Throttled throttled) {
            return throttledAnswer(throttled);
        }
        if (!(result instanceof SignInResult.Accepted ok)) {
            // One answer for unknown user, wrong password, disabled account, bad code: nothing to enumerate.
            throw new RequestRejectedException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                    "the username or password is not right");
        }
        IssuedToken token = tokens.issue(ok.user());
        // RFC 6749 §5.1: a response carrying a token must not be cached.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.accessToken(), "Bearer", token.expiresIn()));
    }

    /** 429 with the wait in whole seconds (rounded up), in the body and in {@code Retry-After} (RFC 9110 §10.2.3). */
    private static ResponseEntity<ProblemDetail> throttledAnswer(SignInResult.Throttled throttled) {
        long millis = throttled.retryAfter().toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                "too many failed sign-ins for this account or from this address; try again in " + seconds + " s");
        problem.setProperty("retryAfter", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
