package org.goldenthread.consent.consent;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who answers for a source agency's data when a consent would release its special-category data or uses an
 * explicit "all": by default its data-protection officer; an agency may name another role (a Caldicott
 * guardian, say). No role at all would leave every such consent waiting forever, so it refuses to start.
 *
 * @param roles the roles that see the consent review queue of their agency and acknowledge for it
 */
@ConfigurationProperties("goldenthread.consent.acknowledgement")
public record AcknowledgementProperties(@DefaultValue("DPO") List<String> roles) {

    public AcknowledgementProperties {
        roles = List.copyOf(roles);
        if (roles.isEmpty() || roles.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("goldenthread.consent.acknowledgement.roles needs at least one role");
        }
    }
}
