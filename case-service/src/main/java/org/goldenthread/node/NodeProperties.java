package org.goldenthread.node;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this node is and where its federation endpoint listens.
 *
 * @param agencyId the agency running the node; a grant must name it in its audience, and every user
 *     token at the REST edge must carry it in its {@code agency} claim
 * @param grpc the gRPC server ({@code goldenthread.node.v1.CaseNode}, health, reflection)
 */
@ConfigurationProperties("goldenthread.node")
public record NodeProperties(String agencyId, Grpc grpc) {

    public NodeProperties {
        // The id also names the node's database, so it is held to a safe shape.
        if (agencyId == null || !agencyId.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException(
                    "goldenthread.node.agency-id must be set to a lower-case agency id, e.g. 'police'");
        }
        grpc = grpc == null ? new Grpc(0, null, null, null, null) : grpc;
    }

    /**
     * @param port the port; 0 picks a free one (read it from {@code NodeGrpcServer.port()})
     * @param address the address to bind, loopback unless told otherwise
     * @param shutdownGrace how long calls in flight may finish when the node stops
     * @param maxInboundMessageSize the largest request accepted (requests are small: tokens, a page token)
     * @param maxCallDuration the deadline of a call that brings none or a later one: no call runs longer
     */
    public record Grpc(int port, String address, Duration shutdownGrace, DataSize maxInboundMessageSize,
            Duration maxCallDuration) {

        public Grpc {
            address = address == null || address.isBlank() ? "127.0.0.1" : address;
            shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(5) : shutdownGrace;
            maxInboundMessageSize = maxInboundMessageSize == null ? DataSize.ofKilobytes(256) : maxInboundMessageSize;
            maxCallDuration = maxCallDuration == null ? Duration.ofSeconds(30) : maxCallDuration;
        }
    }
}
