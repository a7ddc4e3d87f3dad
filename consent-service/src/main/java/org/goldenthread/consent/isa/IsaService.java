package org.goldenthread.consent.isa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Information sharing agreements, managed by the source agency's administrators: an agency
 * decides what it shares, never what others share with it. Append-only like consent.
 */
@Service
public class IsaService {

    private final IsaStore store;
    private final Clock clock;

    public IsaService(IsaStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Revision 1 of an agreement whose source is the administrator's own agency. */
    public SharingAgreement create(AgreementTerms terms, Requester admin) {
        SharingAgreement isa = new SharingAgreement(UUID.randomUUID().toString(), 1, IsaStatus.ACTIVE, admin.agency(),
                terms, admin.user(), clock.instant(), null, List.of());
        store.insert(isa);
        return isa;
    }

    /** Visible to the agencies it names (source or recipient) and to DPOs and federation administrators. */
    public SharingAgreement get(String id, Requester reader) {
        SharingAgreement isa = store.find(id).orElseThrow(IsaService::notFound);
        boolean named = isa.sourceAgency().equals(reader.agency()) || isa.terms().recipients().contains(reader.agency());
        if (!named && !reader.roles().contains("DPO") && !reader.roles().contains("FEDERATION_ADMIN")) {
            throw notFound();
        }
        return isa;
    }

    public List<SharingAgreement> involving(Requester reader) {
        return store.involving(reader.agency());
    }

    public SharingAgreement revise(String id, AgreementTerms terms, Requester admin) {
        SharingAgreement current = ownedBy(id, admin);
        if (!store.revise(id, current.revision(), terms, admin.user(), clock.instant())) {
            throw notActive();
        }
        return get(id, admin);
    }

    public SharingAgreement terminate(String id, String reason, Requester admin) {
        SharingAgreement current = ownedBy(id, admin);
        Instant now = clock.instant();
        if (!store.terminate(id, current.revision(), new SharingAgreement.Termination(now, admin.user(), reason))) {
            throw notActive();
        }
        return get(id, admin);
    }

    private SharingAgreement ownedBy(String id, Requester admin) {
        SharingAgreement current = get(id, admin);
        if (!current.sourceAgency().equals(admin.agency())) {
            throw new RequestRejectedException(HttpStatus.FORBIDDEN, "not-source-agency",
                    "only the source agency's administrators may change an agreement");
        }
        if (current.status() != IsaStatus.ACTIVE) {
            throw notActive();
        }
        return current;
    }

    private static RequestRejectedException notActive() {
        return new RequestRejectedException(HttpStatus.CONFLICT, "isa-not-active",
                "the agreement is not active (terminated or changed meanwhile)");
    }

    private static RequestRejectedException notFound() {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, "isa-not-found", "no such sharing agreement");
    }
}
