package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.goldenthread.consent.isa.AgreementTerms;
import org.goldenthread.consent.isa.IsaService;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.consent.isa.SignOff;
import org.goldenthread.platform.web.RequestRejectedException;
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
 * Information sharing agreements. Writing is for the source agency's administrators (role checked
 * by the security rules, agency by {@link IsaService}); reading is for the agencies named.
 */
@RestController
@RequestMapping("/api/consents/isas")
class IsaController {

    private final IsaService agreements;

    IsaController(IsaService agreements) {
        this.agreements = agreements;
    }

    @PostMapping
    ResponseEntity<IsaView> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody IsaBody body) {
        SharingAgreement isa = agreements.create(terms(body), Callers.of(token));
        return ResponseEntity.created(URI.create("/api/consents/isas/" + isa.id())).body(IsaView.of(isa));
    }

    @GetMapping
    IsaView.Agreements list(@AuthenticationPrincipal Jwt token) {
        return new IsaView.Agreements(agreements.involving(Callers.of(token)).stream().map(IsaView::of).toList());
    }

    @GetMapping("/{id}")
    IsaView get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return IsaView.of(agreements.get(id, Callers.of(token)));
    }

    @PutMapping("/{id}")
    IsaView revise(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Valid @RequestBody IsaBody body) {
        return IsaView.of(agreements.revise(id, terms(body), Callers.of(token)));
    }

    @PostMapping("/{id}/termination")
    IsaView terminate(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody ConsentController.WithdrawalBody body) {
        return IsaView.of(agreements.terminate(id, body.reason().trim(), Callers.of(token)));
    }

    private static AgreementTerms terms(IsaBody body) {
        if (body.period().end() != null && !body.period().end().isAfter(body.period().start())) {
            throw RequestRejectedException.invalid("period.end", "must be after period.start");
        }
        return new AgreementTerms(body.title().strip(), java.util.Set.copyOf(body.recipients()),
                Terms.purposes(body.purposes(), "purposes"), Terms.categories(body.categories(), "categories"),
                body.period().start(), body.period().end(),
                new SignOff(body.signOff().by().strip(), body.signOff().role(), body.signOff().at()));
    }
}
