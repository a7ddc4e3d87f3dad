package org.goldenthread.identity.admin;

import java.time.Instant;
import java.util.List;

/**
 * One administrative action as recorded in {@code admin_audit}: ids only, no personal data.
 *
 * @param action e.g. {@code user.create}, {@code user.disable}, {@code agency.register}, {@code agency.move}
 * @param target the username or agency id acted on
 * @param agency the agency the target belongs to (the agency itself for agency actions)
 * @param outcome {@code DONE} or {@code REFUSED}
 * @param changes the fields the action changed (or would have), with old and new values; empty for most actions
 * @param reason why, in the administrator's words, where the action asks for one (clearing a certificate pin)
 */
public record AuditEntry(String id, Instant at, String actor, String actorAgency, String action, String target,
        String agency, String outcome, List<FieldChange> changes, String reason) {

    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
