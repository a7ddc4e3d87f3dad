package org.goldenthread.identity.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.goldenthread.identity.agency.Agency;
import org.goldenthread.identity.agency.AgencyRegistry;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Changes to the agency registry by a federation administrator. Registering a new agency is
 * ordinary. <em>Moving</em> an existing one — its node address ({@code grpcTarget}), its REST URL
 * or its certificate pin — redirects the gateway's traffic and the agency's staff tokens, so it
 * needs a sign-in within {@link ReauthenticationProperties#maxAge()} ({@link RecentAuthentication}),
 * is audited with the old and new values, and posts a notice the agency's administrators read
 * (issue 15). A pin is never removed by leaving it out: that needs {@code clearCertificatePin}
 * with a reason.
 */
@Component
public class RegistryAdministration {

    public static final int MAX_REASON = 500;

    /** Whether the request removes the certificate pin on purpose, and why. */
    public record PinClearing(boolean clear, String reason) {

        public static final PinClearing NONE = new PinClearing(false, null);
    }

    private final AgencyRegistry registry;
    private final AdminAudit audit;
    private final AgencyNotices notices;
    private final RecentAuthentication recentAuthentication;

    RegistryAdministration(AgencyRegistry registry, AdminAudit audit, AgencyNotices notices,
            RecentAuthentication recentAuthentication) {
        this.registry = registry;
        this.audit = audit;
        this.notices = notices;
        this.recentAuthentication = recentAuthentication;
    }

    public Agency register(Actor actor, Agency wanted, PinClearing clearing) {
        String reason = checked(wanted, clearing);
        Optional<Agency> current = registry.find(wanted.id());
        List<FieldChange> moved = current.map(c -> moved(c, wanted)).orElse(List.of());
        if (moved.isEmpty()) {
            Agency registered = registry.register(wanted);
            audit.done(actor, "agency.register", registered.id(), registered.id());
            return registered;
        }
        if (!recentAuthentication.recent(actor)) {
            audit.refused(actor, "agency.move", wanted.id(), wanted.id(), moved, reason);
            throw new ReauthenticationRequiredException(recentAuthentication.maxAge());
        }
        boolean pinRemoved = current.get().certificateFingerprint() != null && wanted.certificateFingerprint() == null;
        if (pinRemoved && !clearing.clear()) {
            audit.refused(actor, "agency.move", wanted.id(), wanted.id(), moved, reason);
            throw new RequestRejectedException(HttpStatus.CONFLICT, "certificate-pin-removal-unconfirmed",
                    "this change removes the agency's certificate pin; to remove it on purpose send "
                            + "\"clearCertificatePin\": true with a reason, otherwise keep certificateFingerprint");
        }
        Agency registered = registry.register(wanted);
        String auditId = audit.done(actor, "agency.move", registered.id(), registered.id(), moved, reason);
        notices.post(registered.id(), "agency.moved", summary(registered.id(), moved), moved, reason, auditId);
        return registered;
    }

    /** The reason, stripped; refuses a clearing that would not clear, or clears without saying why. */
    private static String checked(Agency wanted, PinClearing clearing) {
        String reason = clearing.reason() == null ? null : clearing.reason().strip();
        if (reason != null && (reason.isEmpty() || reason.length() > MAX_REASON)) {
            throw RequestRejectedException.invalid("reason", "must be 1-" + MAX_REASON + " characters");
        }
        if (clearing.clear() && wanted.certificateFingerprint() != null) {
            throw RequestRejectedException.invalid("clearCertificatePin",
                    "removes the pin: leave certificateFingerprint out, or send a new pin without it");
        }
        if (clearing.clear() && reason == null) {
            throw RequestRejectedException.invalid("reason", "say why the certificate pin is removed");
        }
        return reason;
    }

    /** The endpoint and pin fields that differ; a field set for the first time moves too (it sends traffic). */
    static List<FieldChange> moved(Agency before, Agency after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "grpcTarget", before.grpcTarget(), after.grpcTarget());
        compare(changes, "restUrl", before.restUrl(), after.restUrl());
        compare(changes, "certificateFingerprint", before.certificateFingerprint(), after.certificateFingerprint());
        return List.copyOf(changes);
    }

    private static void compare(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static String summary(String agency, List<FieldChange> moved) {
        return "A federation administrator changed where the federation reaches " + agency + " ("
                + moved.stream().map(FieldChange::field).collect(Collectors.joining(", "))
                + "). If your agency did not ask for this, report it as a security incident.";
    }
}
