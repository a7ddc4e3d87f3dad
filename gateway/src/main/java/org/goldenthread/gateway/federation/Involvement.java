package org.goldenthread.gateway.federation;

import java.time.Instant;
import org.goldenthread.proto.node.v1.SubjectMatch;

/** The known-to flag (the INVOLVEMENT category): the agency works with the person, and how to reach its lead worker. */
public record Involvement(boolean openCase, String leadWorker, String team, String contact, Instant since) {

    /** The match's involvement, or null when the node sent none (its grant did not cover INVOLVEMENT). */
    static Involvement of(SubjectMatch match) {
        if (!match.hasInvolvement()) {
            return null;
        }
        var i = match.getInvolvement();
        return new Involvement(i.getOpenCase(), blankToNull(i.getLeadWorker()), blankToNull(i.getTeam()),
                blankToNull(i.getContact()), i.hasSince() ? ViewItems.instant(i.getSince()) : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
