package org.goldenthread.node.federation;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries the federation metadata of a call ({@code x-gt-grant}, {@code x-request-id}) into the
 * gRPC {@link Context}, where handlers read it; nothing is stored in thread-locals or statics.
 * Also bounds every call by a deadline: the caller's, or the node's maximum when the caller sent
 * none or a later one. The handlers check the context before releasing, so an answer past its
 * deadline is never sent.
 */
final class CallMetadata implements ServerInterceptor {

    static final Metadata.Key<String> GRANT_HEADER = Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> REQUEST_ID_HEADER = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static final Context.Key<String> GRANT = Context.key("gt-grant");
    private static final Context.Key<String> REQUEST_ID = Context.key("gt-request-id");
    // Request ids are recorded in the audit log: keep them short and printable.
    private static final int MAX_REQUEST_ID = 128;

    private final Duration maxCallDuration;
    private final ScheduledExecutorService timers;

    /**
     * @param maxCallDuration the deadline imposed on a call that brings none, or a later one
     * @param timers runs the deadline timers (owned by the server, shut down with it)
     */
    CallMetadata(Duration maxCallDuration, ScheduledExecutorService timers) {
        this.maxCallDuration = maxCallDuration;
        this.timers = timers;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String requestId = headers.get(REQUEST_ID_HEADER);
        if (requestId != null && (requestId.length() > MAX_REQUEST_ID || !requestId.matches("[\\x21-\\x7e]*"))) {
            requestId = requestId.replaceAll("[^\\x21-\\x7e]", "");
            requestId = requestId.substring(0, Math.min(requestId.length(), MAX_REQUEST_ID));
        }
        Context current = Context.current();
        Deadline latest = Deadline.after(maxCallDuration.toMillis(), TimeUnit.MILLISECONDS);
        Context.CancellableContext bounded = current.getDeadline() == null || latest.isBefore(current.getDeadline())
                ? current.withDeadline(latest, timers) : null;
        Context context = (bounded == null ? current : bounded)
                .withValue(GRANT, headers.get(GRANT_HEADER))
                .withValue(REQUEST_ID, requestId == null ? "" : requestId);
        ServerCall.Listener<Q> listener = Contexts.interceptCall(context, call, headers, next);
        if (bounded == null) {
            return listener;
        }
        // Cancelling the bounded context when the call ends releases its timer at once.
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onComplete() {
                try {
                    super.onComplete();
                } finally {
                    bounded.cancel(null);
                }
            }

            @Override
            public void onCancel() {
                try {
                    super.onCancel();
                } finally {
                    bounded.cancel(null);
                }
            }
        };
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
