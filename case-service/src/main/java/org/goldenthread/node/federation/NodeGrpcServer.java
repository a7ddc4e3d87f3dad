package org.goldenthread.node.federation;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's federation endpoint: {@code goldenthread.node.v1.CaseNode}, {@code grpc.health.v1}
 * and server reflection on one plain grpc-java Netty server, started and stopped with the
 * application context. On stop, health turns NOT_SERVING first so balancers drain the node, then
 * calls in flight get the configured grace before being cancelled.
 */
@Component
public class NodeGrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeGrpcServer.class);

    private final NodeProperties.Grpc settings;
    private final NodeTls tls;
    private final CaseNodeService caseNode;
    private final HealthStatusManager health = new HealthStatusManager();
    private volatile Server server;
    private volatile Server healthOnly;
    private ScheduledExecutorService deadlineTimers;

    public NodeGrpcServer(NodeProperties properties, NodeTls tls, CaseNodeService caseNode) {
        this.settings = properties.grpc();
        this.tls = tls;
        this.caseNode = caseNode;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        deadlineTimers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "node-call-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.address(), settings.port()));
            tls.serverContext().ifPresentOrElse(builder::sslContext, () -> log.warn(
                    "goldenthread.node.grpc.tls is not set: the federation port is plaintext (mesh mTLS or development only)"));
            server = builder
                    .maxInboundMessageSize((int) settings.maxInboundMessageSize().toBytes())
                    .maxInboundMetadataSize(16 * 1024)
                    .addService(tls.configured()
                            // Interceptors run last-added first: the caller's certificate is checked before anything else.
                            ? ServerInterceptors.intercept(caseNode, new CallMetadata(settings.maxCallDuration(), deadlineTimers),
                                    tls.allowedClientOnly())
                            : ServerInterceptors.intercept(caseNode, new CallMetadata(settings.maxCallDuration(), deadlineTimers)))
                    .addService(health.getHealthService())
                    .addService(ProtoReflectionServiceV1.newInstance())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the gRPC server on " + settings.address() + ":" + settings.port(), e);
        }
        if (tls.configured() && tls.healthPort() != null) {
            try {
                healthOnly = NettyServerBuilder.forAddress(new InetSocketAddress(settings.address(), tls.healthPort()))
                        .addService(health.getHealthService()).build().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the gRPC health port " + tls.healthPort(), e);
            }
        }
        health.setStatus("", ServingStatus.SERVING);
        health.setStatus(CaseNodeGrpc.SERVICE_NAME, ServingStatus.SERVING);
        log.info("federation gRPC server listening on {}:{}", settings.address(), server.getPort());
    }

    @Override
    public synchronized void stop() {
        Server running = server;
        if (running == null) {
            return;
        }
        health.enterTerminalState();
        if (healthOnly != null) {
            healthOnly.shutdownNow();
            healthOnly = null;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
        deadlineTimers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port the server listens on (the actual one when configured with 0); -1 when stopped. */
    public int port() {
        Server running = server;
        return running == null ? -1 : running.getPort();
    }
}
