package org.goldenthread.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

/** The mapping of node refusals; the same refusals over a real gRPC server: {@code OnePersonFederationTest}. */
class NodeRefusalTest {

    private static StatusRuntimeException refusal(Status.Code code, String domain, String reason) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage("m")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(domain).setReason(reason).build())).build());
    }

    @Test
    void readsTheOnePersonRefusalsAsAmbiguous() {
        for (String reason : new String[] {"AMBIGUOUS_SUBJECT", "IDENTIFIERS_DISAGREE", "NOT_ANCHORED"}) {
            NodeRefusal read = NodeRefusal.of(refusal(Status.Code.FAILED_PRECONDITION, "goldenthread.org", reason));
            assertThat(read.status()).isEqualTo(AgencyStatus.AMBIGUOUS);
            assertThat(read.code()).isEqualTo(reason);
            assertThat(read.reason()).endsWith(".");
        }
    }

    @Test
    void readsAnUnknownPreconditionOrAnotherDomainAsAnError() {
        assertThat(NodeRefusal.of(refusal(Status.Code.FAILED_PRECONDITION, "goldenthread.org", "SOMETHING_NEW")).status())
                .isEqualTo(AgencyStatus.ERROR);
        NodeRefusal foreign = NodeRefusal.of(refusal(Status.Code.FAILED_PRECONDITION, "example.com", "AMBIGUOUS_SUBJECT"));
        assertThat(foreign.status()).isEqualTo(AgencyStatus.ERROR);
        assertThat(foreign.code()).isNull();
        assertThat(NodeRefusal.of(Status.FAILED_PRECONDITION.asRuntimeException()).status()).isEqualTo(AgencyStatus.ERROR);
    }

    @Test
    void explainsARepeatedIdentifier() {
        NodeRefusal read = NodeRefusal.of(refusal(Status.Code.INVALID_ARGUMENT, "goldenthread.org", "REPEATED_IDENTIFIER"));
        assertThat(read.status()).isEqualTo(AgencyStatus.ERROR);
        assertThat(read.reason()).contains("two different identifiers of the same kind");
    }

    @Test
    void explainsAConfirmationTheNodeNoLongerAccepts() {
        NodeRefusal read = NodeRefusal.of(refusal(Status.Code.PERMISSION_DENIED, "goldenthread.org", "BAD_CONFIRMATION"));
        assertThat(read.status()).isEqualTo(AgencyStatus.ERROR);
        assertThat(read.code()).isEqualTo("BAD_CONFIRMATION");
        assertThat(read.reason()).contains("no longer accepts that confirmation");
    }

    @Test
    void keepsTheTransportStatuses() {
        assertThat(NodeRefusal.of(Status.DEADLINE_EXCEEDED.asRuntimeException()).status()).isEqualTo(AgencyStatus.TIMEOUT);
        assertThat(NodeRefusal.of(Status.UNAVAILABLE.asRuntimeException()).status()).isEqualTo(AgencyStatus.UNAVAILABLE);
        NodeRefusal replayed = NodeRefusal.of(refusal(Status.Code.PERMISSION_DENIED, "goldenthread.org", "REPLAYED"));
        assertThat(replayed.reason()).isEqualTo("node refused the grant");
        assertThat(replayed.code()).isEqualTo("REPLAYED");
    }

    @Test
    void countsOnlyANodeBeingDownOrBrokenAgainstItsBreaker() {
        NodeFault fault = new NodeFault();
        assertThat(fault.test(refusal(Status.Code.FAILED_PRECONDITION, "goldenthread.org", "AMBIGUOUS_SUBJECT"))).isFalse();
        assertThat(fault.test(refusal(Status.Code.INVALID_ARGUMENT, "goldenthread.org", "REPEATED_IDENTIFIER"))).isFalse();
        assertThat(fault.test(Status.PERMISSION_DENIED.asRuntimeException())).isFalse();
        assertThat(fault.test(Status.UNAVAILABLE.asRuntimeException())).isTrue();
        assertThat(fault.test(Status.INTERNAL.asRuntimeException())).isTrue();
    }
}
