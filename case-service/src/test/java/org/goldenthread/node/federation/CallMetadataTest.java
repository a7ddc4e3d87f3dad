package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every call runs under a deadline, and the metadata reaches the handler's context. */
class CallMetadataTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void imposesTheNodesDeadlineOnACallThatBringsNone() throws InterruptedException {
        AtomicReference<Context> seen = new AtomicReference<>();
        AtomicReference<String> grant = new AtomicReference<>();
        Metadata headers = new Metadata();
        headers.put(CallMetadata.GRANT_HEADER, "a.b.c");
        new CallMetadata(Duration.ofSeconds(1), timers).interceptCall(new IdleCall(), headers, (call, h) -> {
            seen.set(Context.current());
            grant.set(CallMetadata.grant());
            return new ServerCall.Listener<>() { };
        });
        assertThat(grant.get()).isEqualTo("a.b.c");
        assertThat(seen.get().getDeadline()).isNotNull();
        assertThat(seen.get().isCancelled()).isFalse();
        long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!seen.get().isCancelled() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(seen.get().isCancelled()).isTrue();
    }

    @Test
    void keepsACallersEarlierDeadline() {
        AtomicReference<Context> seen = new AtomicReference<>();
        Context.CancellableContext caller = Context.current().withDeadlineAfter(1, java.util.concurrent.TimeUnit.SECONDS, timers);
        caller.run(() -> new CallMetadata(Duration.ofMinutes(5), timers).interceptCall(new IdleCall(), new Metadata(),
                (call, h) -> {
                    seen.set(Context.current());
                    return new ServerCall.Listener<>() { };
                }));
        assertThat(seen.get().getDeadline()).isEqualTo(caller.getDeadline());
        caller.cancel(null);
    }

    /** A call that does nothing: the interceptor only reads its descriptor. */
    private static final class IdleCall extends ServerCall<Object, Object> {

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(Object message) {
        }

        @Override
        public void close(Status status, Metadata trailers) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }

        @SuppressWarnings("unchecked")
        @Override
        public MethodDescriptor<Object, Object> getMethodDescriptor() {
            return (MethodDescriptor<Object, Object>) (MethodDescriptor<?, ?>) CaseNodeGrpc.getMatchSubjectMethod();
        }
    }
}
