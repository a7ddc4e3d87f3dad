package org.goldenthread.node.federation;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.goldenthread.federation.grant.AccessGrant;

/**
 * A federation call the node will not answer. The description goes on the wire, so it never
 * contains personal data; {@code reason} is a stable code, sent as a {@code google.rpc.ErrorInfo}
 * detail (with optional metadata: codes only) and recorded in the audit log.
 */
final class FederationRefusal extends Exception {

    static final String DOMAIN = "goldenthread.org";

    private final Status.Code code;
    private final String reason;
    private final transient AccessGrant grant;
    private final Map<String, String> metadata;

    FederationRefusal(Status.Code code, String reason, String description, AccessGrant grant) {
        this(code, reason, description, grant, Map.of());
    }

    FederationRefusal(Status.Code code, String reason, String description, AccessGrant grant,
            Map<String, String> metadata) {
        super(description, null, false, false);
        this.code = code;
        this.reason = reason;
        this.grant = grant;
        this.metadata = Map.copyOf(metadata);
    }

    static FederationRefusal invalidArgument(String reason, String description) {
        return new FederationRefusal(Status.Code.INVALID_ARGUMENT, reason, description, null);
    }

    static FederationRefusal permissionDenied(String reason, String description, AccessGrant grant) {
        return new FederationRefusal(Status.Code.PERMISSION_DENIED, reason, description, grant);
    }

    String reason() {
        return reason;
    }

    /** The grant behind the refusal when it was genuine (signature verified); null otherwise. */
    AccessGrant grant() {
        return grant;
    }

    StatusRuntimeException toStatus() {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN)
                        .putAllMetadata(metadata).build()))
                .build());
    }
}
