package org.goldenthread.node.federation;

import io.grpc.Status;
import java.util.Map;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.node.subject.LocalSelection;

/**
 * The node's half of "one person, one decision" as gRPC answers: when the request's tokens do not
 * pick out one local person the lawful basis is about, nothing is released and the call is refused
 * FAILED_PRECONDITION (the grant is genuine; the identifiers are the problem), with a reason the
 * gateway turns into its own agency status and a sentence the key-worker can act on. Descriptions
 * and metadata name identifier kinds at most, never anything of the record.
 */
final class OnePersonRule {

    private OnePersonRule() {
    }

    /** {@code selection} itself when it is ONE, POSSIBLE or NONE; the refusal otherwise. */
    static LocalSelection require(LocalSelection selection, AccessGrant grant) throws FederationRefusal {
        return switch (selection.outcome()) {
            case ONE, POSSIBLE, NONE -> selection;
            case CONFLICT -> throw new FederationRefusal(Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE",
                    "the identifiers sent match a person held here on some identifiers and disagree on others;"
                            + " check them with the record they came from: nothing was released", grant,
                    Map.of("kinds", RequestChecks.kindNames(selection.disagreeing())));
            case AMBIGUOUS -> throw new FederationRefusal(Status.Code.FAILED_PRECONDITION, "AMBIGUOUS_SUBJECT",
                    "the identifiers sent match more than one person held here; add an NHS or National Insurance"
                            + " number: nothing was released", grant);
            case NOT_ANCHORED -> throw notAnchored(grant);
        };
    }

    /** The one person (or the confirmed one) is not shown to be the person the lawful basis is about. */
    static FederationRefusal notAnchored(AccessGrant grant) {
        return new FederationRefusal(Status.Code.FAILED_PRECONDITION, "NOT_ANCHORED",
                "the person held here is not shown to be the one the lawful basis is recorded about (no identifier"
                        + " of the basis in common, or the consent record's identifiers disagree): nothing was released",
                grant);
    }
}
