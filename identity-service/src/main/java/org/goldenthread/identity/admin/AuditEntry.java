package org.goldenthread.identity.admin;

import java.time.Instant;

/**
 * One administrative action as recorded in {@code admin_audit}: ids only, no personal data.
 *
 * @param action e.g. {@code user.create}, {@code user.disable}, {@code agency.register}
 * @param target the username or agency id acted on
 * @param agency the agency the target belongs to (the agency itself for agency actions)
 * @param outcome {@code DONE} or {@code REFUSED}
 */
public record AuditEntry(String id, Instant at, String actor, String actorAgency, String action, String target,
        String agency, String outcome) {
}
