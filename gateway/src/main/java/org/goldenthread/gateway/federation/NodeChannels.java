package org.goldenthread.gateway.federation;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One long-lived gRPC channel per node endpoint, reused by every request: a channel multiplexes
 * calls over one HTTP/2 connection and reconnects by itself, so creating one per request would
 * only add handshakes.
 */
@Component
public class NodeChannels implements DisposableBean {

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    public ManagedChannel channelFor(String grpcTarget) {
        return channels.computeIfAbsent(grpcTarget, target -> NettyChannelBuilder.forTarget(target)
                // Plaintext on the walking skeleton; mutual TLS with the federation CA is the
                // gateway issue's (the nodes will then accept only the gateway's certificate).
                .usePlaintext()
                .keepAliveTime(60, TimeUnit.SECONDS)
                .build());
    }

    @Override
    public void destroy() throws InterruptedException {
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels.values()) {
            if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        }
    }
}
