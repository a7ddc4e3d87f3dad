package org.goldenthread.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.identity.admin.UserAdministration;
import org.goldenthread.identity.user.InvalidUserException;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration over REST; who may do what is {@link UserAdministration}'s business. */
@RestController
@RequestMapping("/api/identity/users")
class UserAdminController {

    record NewUser(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
            @Size(max = 31) String agency, @NotEmpty @Size(max = 5) Set<@NotNull Role> roles,
            @NotBlank @Size(max = 256) String password) {
    }

    record Roles(@NotEmpty @Size(max = 5) Set<@NotNull Role> roles) {
    }

    record NewPassword(@NotBlank @Size(max = 256) String password) {
    }

    private final UserAdministration admin;

    UserAdminController(UserAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    List<UserAccount> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String agency) {
        return admin.list(Actors.of(token), agency);
    }

    @PostMapping
    ResponseEntity<UserAccount> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody NewUser body) {
        UserAccount created = admin.create(Actors.of(token), body.username(), body.displayName(), body.agency(),
                body.roles(), body.password());
        return ResponseEntity.created(URI.create("/api/identity/users/" + created.username())).body(created);
    }

    @GetMapping("/{username}")
    UserAccount one(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return admin.get(Actors.of(token), username);
    }

    @PutMapping("/{username}/roles")
    UserAccount roles(@AuthenticationPrincipal Jwt token, @PathVariable String username, @Valid @RequestBody Roles body) {
        return admin.setRoles(Actors.of(token), username, body.roles());
    }

    /** Gives one role (e.g. BREAK_GLASS) without restating the others. */
    @PutMapping("/{username}/roles/{role}")
    UserAccount grantRole(@AuthenticationPrincipal Jwt token, @PathVariable String username, @PathVariable String role) {
        return admin.grantRole(Actors.of(token), username, role(role));
    }

    @DeleteMapping("/{username}/roles/{role}")
    UserAccount removeRole(@AuthenticationPrincipal Jwt token, @PathVariable String username, @PathVariable String role) {
        return admin.removeRole(Actors.of(token), username, role(role));
    }

    @PostMapping("/{username}/disable")
    UserAccount disable(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return admin.setDisabled(Actors.of(token), username, true);
    }

    @PostMapping("/{username}/enable")
    UserAccount enable(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return admin.setDisabled(Actors.of(token), username, false);
    }

    @PostMapping("/{username}/unlock")
    UserAccount unlock(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return admin.unlock(Actors.of(token), username);
    }

    @PostMapping("/{username}/password")
    ResponseEntity<Void> password(@AuthenticationPrincipal Jwt token, @PathVariable String username,
            @Valid @RequestBody NewPassword body) {
        admin.setPassword(Actors.of(token), username, body.password());
        return ResponseEntity.noContent().build();
    }

    /** Parsed here so that an unknown role is a 400 naming the path segment, never a 500. */
    private static Role role(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidUserException("role", "must be one of "
                        + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "))));
    }

    @PostMapping("/{username}/totp/reset")
    ResponseEntity<Void> resetSecondFactor(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        admin.resetSecondFactor(Actors.of(token), username);
        return ResponseEntity.noContent().build();
    }
}
