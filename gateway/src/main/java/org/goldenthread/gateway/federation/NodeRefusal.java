package org.goldenthread.gateway.federation;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * What a failed node call stands for: a status, a sentence the key-worker can read (no personal
 * data, nothing the node said in free text), and the node's stable reason code when it sent one
 * ({@code google.rpc.ErrorInfo} of domain {@value #DOMAIN}).
 */
record NodeRefusal(AgencyStatus status, String reason, String code) {

    static final String DOMAIN = "goldenthread.org";

    static final String AMBIGUOUS_SUBJECT = "AMBIGUOUS_SUBJECT";
    static final String IDENTIFIERS_DISAGREE = "IDENTIFIERS_DISAGREE";
    static final String NOT_ANCHORED = "NOT_ANCHORED";
    static final String REPEATED_IDENTIFIER = "REPEATED_IDENTIFIER";
    static final String BAD_CONFIRMATION = "BAD_CONFIRMATION";

    static final String SEVERAL_PEOPLE = "More than one person at this agency matches; add an NHS or National Insurance number.";
    static final String DISAGREEING = "Some of the identifiers match a person at this agency and others do not;"
            + " check them against your own record.";
    static final String UNANCHORED = "The person this agency matched is not known by the identifiers the consent or agreement"
            + " was recorded under, so nothing was released; check that your record and theirs hold the same NHS or"
            + " National Insurance number, or ask for the consent to be recorded with the identifiers they hold.";
    static final String REPEATED = "The request carried two different identifiers of the same kind, so this agency refused it;"
            + " give one NHS number, one National Insurance number and one name with date of birth.";
    static final String STALE_CONFIRMATION = "This agency no longer accepts that confirmation (it holds for a few minutes, for"
            + " the same person asking about the same subject); ask again without it and confirm the match it offers.";

    static NodeRefusal of(Throwable error) {
        if (error instanceof CallNotPermittedException) {
            return new NodeRefusal(AgencyStatus.CIRCUIT_OPEN, "node failing recently; not asked", null);
        }
        if (error instanceof BulkheadFullException) {
            return new NodeRefusal(AgencyStatus.CIRCUIT_OPEN, "too many calls in flight to this node", null);
        }
        if (!(error instanceof StatusRuntimeException sre)) {
            return new NodeRefusal(AgencyStatus.ERROR, "node call failed", null);
        }
        String code = reasonCode(sre);
        return switch (sre.getStatus().getCode()) {
            case DEADLINE_EXCEEDED -> new NodeRefusal(AgencyStatus.TIMEOUT, "no answer within the deadline", code);
            case UNAVAILABLE -> new NodeRefusal(AgencyStatus.UNAVAILABLE, "node unreachable", code);
            case UNAUTHENTICATED, PERMISSION_DENIED -> BAD_CONFIRMATION.equals(code)
                    ? new NodeRefusal(AgencyStatus.ERROR, STALE_CONFIRMATION, code)
                    : new NodeRefusal(AgencyStatus.ERROR, "node refused the grant", code);
            case FAILED_PRECONDITION -> preconditionFailed(code);
            case INVALID_ARGUMENT -> REPEATED_IDENTIFIER.equals(code)
                    ? new NodeRefusal(AgencyStatus.ERROR, REPEATED, code)
                    : new NodeRefusal(AgencyStatus.ERROR, "node refused the request as invalid", code);
            default -> new NodeRefusal(AgencyStatus.ERROR, "node error " + sre.getStatus().getCode(), code);
        };
    }

    /** The node's one-person refusals: it released nothing, and says why. */
    private static NodeRefusal preconditionFailed(String code) {
        if (code == null) {
            return new NodeRefusal(AgencyStatus.ERROR, "node refused the request (FAILED_PRECONDITION)", null);
        }
        return switch (code) {
            case AMBIGUOUS_SUBJECT -> new NodeRefusal(AgencyStatus.AMBIGUOUS, SEVERAL_PEOPLE, code);
            case IDENTIFIERS_DISAGREE -> new NodeRefusal(AgencyStatus.AMBIGUOUS, DISAGREEING, code);
            case NOT_ANCHORED -> new NodeRefusal(AgencyStatus.AMBIGUOUS, UNANCHORED, code);
            default -> new NodeRefusal(AgencyStatus.ERROR, "node refused the request (FAILED_PRECONDITION)", code);
        };
    }

    /** The ErrorInfo reason of our domain, when it looks like one of our codes; null otherwise. */
    private static String reasonCode(StatusRuntimeException error) {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        if (status == null) {
            return null;
        }
        for (Any detail : status.getDetailsList()) {
            if (!detail.is(ErrorInfo.class)) {
                continue;
            }
            try {
                ErrorInfo info = detail.unpack(ErrorInfo.class);
                if (DOMAIN.equals(info.getDomain()) && info.getReason().matches("[A-Z][A-Z0-9_]{0,62}")) {
                    return info.getReason();
                }
            } catch (InvalidProtocolBufferException malformed) {
                return null;
            }
        }
        return null;
    }
}
