package org.goldenthread.node.federation;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Carries the federation metadata of a call ({@code x-gt-grant}, {@code x-request-id}) into the
 * gRPC {@link Context}, where handlers read it; nothing is stored in thread-locals or statics.
 */
final class CallMetadata implements ServerInterceptor {

    static final Metadata.Key<String> GRANT_HEADER = Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> REQUEST_ID_HEADER = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static final Context.Key<String> GRANT = Context.key("gt-grant");
    private static final Context.Key<String> REQUEST_ID = Context.key("gt-request-id");
    // Request ids are recorded in the audit log: keep them short and printable.
    private static final int MAX_REQUEST_ID = 128;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String requestId = headers.get(REQUEST_ID_HEADER);
        if (requestId != null && (requestId.length() > MAX_REQUEST_ID || !requestId.matches("[\\x21-\\x7e]*"))) {
            requestId = requestId.replaceAll("[^\\x21-\\x7e]", "");
            requestId = requestId.substring(0, Math.min(requestId.length(), MAX_REQUEST_ID));
        }
        Context context = Context.current()
                .withValue(GRANT, headers.get(GRANT_HEADER))
                .withValue(REQUEST_ID, requestId == null ? "" : requestId);
        return Contexts.interceptCall(context, call, headers, next);
    }

    /** The compact JWS presented with the current call, or null. */
    static String grant() {
        return GRANT.get();
    }

    /** The gateway's request id for the current call, or empty. */
    static String requestId() {
        String id = REQUEST_ID.get();
        return id == null ? "" : id;
    }
}
