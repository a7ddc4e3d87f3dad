package org.goldenthread.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.goldenthread.identity.user.SecondFactor;
import org.goldenthread.identity.user.TotpEnrolment;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in user's own second factor. Secrets and recovery codes are answered once, never cached. */
@RestController
@RequestMapping("/api/identity/me/totp")
class TotpController {

    record CodeRequest(@NotBlank @Size(max = 32) String code) {
    }

    record Enrolment(String secret, String otpauthUri) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    private final SecondFactor secondFactor;

    TotpController(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @PostMapping
    ResponseEntity<Enrolment> enrol(@AuthenticationPrincipal Jwt token) {
        TotpEnrolment enrolment = secondFactor.enrol(token.getSubject());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Enrolment(enrolment.secret(), enrolment.otpauthUri()));
    }

    @PostMapping("/confirm")
    ResponseEntity<RecoveryCodes> confirm(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CodeRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RecoveryCodes(secondFactor.confirm(token.getSubject(), request.code())));
    }

    @PostMapping("/disable")
    ResponseEntity<Void> disable(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CodeRequest request) {
        secondFactor.disable(token.getSubject(), request.code());
        return ResponseEntity.noContent().build();
    }
}
