package org.goldenthread.consent.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.goldenthread.consent.decision.Requester;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who may do what with consent records: the one table (issue 14), used by the security rules, the services and
 * the controllers, and mirrored in the README. Deny by default: an action no row grants to one of the caller's
 * roles is refused. Recording, revising and withdrawing are the work of those who take consent from families,
 * for their own agency's records only. Reading is theirs for their own agency, and a data-protection officer's
 * for their own agency's records and for records naming their agency as a source or a recipient (an explicit
 * "all" names everyone): the officer answers for what their agency releases and receives under them.
 */
@Component
@EnableConfigurationProperties({AcknowledgementProperties.class, BackdatingProperties.class})
public class ConsentPermissions {

    /** Which records a row reaches. */
    public enum Reach {
        /** Records the caller's agency recorded. */
        OWN_AGENCY,
        /** Those, and records naming the caller's agency as a source or recipient. */
        OWN_OR_NAMING_AGENCY
    }

    /** One row: the roles that may take the action, on which records. */
    public record Row(ConsentAction action, Set<String> roles, Reach reach) {
    }

    public static final Set<String> CONSENT_TAKERS = Set.of("KEY_WORKER", "TEAM_MANAGER");

    private final List<Row> table;

    public ConsentPermissions(AcknowledgementProperties acknowledgement) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(ConsentAction.RECORD, CONSENT_TAKERS, Reach.OWN_AGENCY));
        rows.add(new Row(ConsentAction.REVISE, CONSENT_TAKERS, Reach.OWN_AGENCY));
        rows.add(new Row(ConsentAction.WITHDRAW, CONSENT_TAKERS, Reach.OWN_AGENCY));
        rows.add(new Row(ConsentAction.READ, CONSENT_TAKERS, Reach.OWN_AGENCY));
        rows.add(new Row(ConsentAction.READ, Set.of("DPO"), Reach.OWN_OR_NAMING_AGENCY));
        rows.add(new Row(ConsentAction.ACKNOWLEDGE, Set.copyOf(acknowledgement.roles()), Reach.OWN_AGENCY));
        this.table = List.copyOf(rows);
    }

    public List<Row> table() {
        return table;
    }

    /** Every role some row grants the action to: what the security rules let through to the controller. */
    public String[] roles(ConsentAction action) {
        return table.stream().filter(r -> r.action() == action).flatMap(r -> r.roles().stream()).distinct().sorted()
                .toArray(String[]::new);
    }

    /** Whether any of the caller's roles may take the action on some record. */
    public boolean allows(ConsentAction action, Requester caller) {
        return table.stream().anyMatch(r -> r.action() == action && holds(caller, r));
    }

    /** Whether the caller may take the action on this record. */
    public boolean allows(ConsentAction action, Requester caller, ConsentRecord record) {
        boolean own = record.recordedByAgency().equals(caller.agency());
        return table.stream().filter(r -> r.action() == action && holds(caller, r))
                .anyMatch(r -> own || r.reach() == Reach.OWN_OR_NAMING_AGENCY && record.names(caller.agency()));
    }

    private static boolean holds(Requester caller, Row row) {
        return caller.roles().stream().anyMatch(row.roles()::contains);
    }
}
