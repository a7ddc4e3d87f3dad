package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentService;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consent records: record, read, revise, withdraw. Who may is {@link org.goldenthread.consent.consent.ConsentPermissions},
 * applied by the service: a record beyond the caller's reach is answered as absent.
 */
@RestController
@RequestMapping("/api/consents")
class ConsentController {

    private final ConsentService consents;
    private final LinkageTokens linkage;

    ConsentController(ConsentService consents, LinkageTokens linkage) {
        this.consents = consents;
        this.linkage = linkage;
    }

    record Created(String id, String status, int revision, String subjectDigest, Instant recordedAt) {
    }

    record WithdrawalBody(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping
    ResponseEntity<Created> record(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ConsentBody body) {
        Requester recorder = Callers.of(token);
        ConsentRecord r = consents.record(ConsentBodies.toNewConsent(body, linkage, recorder), recorder);
        return ResponseEntity.created(URI.create("/api/consents/" + r.id()))
                .body(new Created(r.id(), r.status().name(), r.revision(), r.subjectDigest(), r.recordedAt()));
    }

    @GetMapping("/{id}")
    ConsentView get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return ConsentView.of(consents.read(id, Callers.of(token), "record"));
    }

    @PutMapping("/{id}")
    ConsentView revise(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody ConsentRevisionBody body) {
        Requester reviser = Callers.of(token);
        return ConsentView.of(consents.revise(id, ConsentBodies.toRevision(body, reviser), reviser));
    }

    @PostMapping("/{id}/withdrawal")
    ConsentView withdraw(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody WithdrawalBody body) {
        Requester caller = Callers.of(token);
        return ConsentView.of(consents.withdraw(id, caller, body.reason().trim()));
    }
}
