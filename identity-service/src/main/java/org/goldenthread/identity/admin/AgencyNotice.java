package org.goldenthread.identity.admin;

import java.time.Instant;
import java.util.List;

/**
 * Something the federation did to an agency's registration that the agency's administrators must
 * know about, e.g. its node address or certificate pin moved: if they did not expect it, it is an
 * incident.
 *
 * @param kind e.g. {@code agency.moved}
 * @param summary one sentence for the agency's administrator
 * @param changes the fields moved, old and new values
 * @param auditId the {@code admin_audit} entry that records the change
 */
public record AgencyNotice(String id, Instant at, String agency, String kind, String summary,
        List<FieldChange> changes, String reason, String auditId) {

    public AgencyNotice {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
