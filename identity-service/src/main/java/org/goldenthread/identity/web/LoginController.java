package org.goldenthread.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.goldenthread.identity.token.AccessTokens;
import org.goldenthread.identity.token.IssuedToken;
import org.goldenthread.identity.user.PasswordLogin;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.goldenthread.platform.web.RequestRejectedException;

/**
 * Password login for API clients and the demo tooling: the same checks as the login page, the
 * same access token as the authorization server issues. Browsers use the authorization-code flow.
 */
@RestController
class LoginController {

    /** {@code totp}: the one-time code or a recovery code, for users who set up a second factor. */
    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password,
            @Size(max = 32) String totp) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }

    private final PasswordLogin login;
    private final AccessTokens tokens;

    LoginController(PasswordLogin login, AccessTokens tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    @PostMapping("/api/identity/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        // One answer for unknown user, wrong password and locked account: nothing to enumerate.
        IssuedToken token = login.authenticate(request.username(), request.password(), request.totp())
                .map(tokens::issue)
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                        "the username or password is not right"));
        // RFC 6749 §5.1: a response carrying a token must not be cached.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.accessToken(), "Bearer", token.expiresIn()));
    }
}
