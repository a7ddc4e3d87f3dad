package org.goldenthread.node;

import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Who this node is and where its federation endpoint listens.
 *
 * @param agencyId the agency running the node; a grant must name it in its audience, and every user
 *     token at the REST edge must carry it in its {@code agency} claim
 * @param grpc the gRPC server ({@code goldenthread.node.v1.CaseNode}, health, reflection)
 * @param confirmation the node-issued references of POSSIBLE matches a user may confirm
 * @param grantReplay the memory of grants already honoured (a grant is used once)
 * @param sensitiveCategories categories this agency marks sensitive, short names (e.g. {@code FINANCE}),
 *     on top of the special ones every node holds so ({@code federation.SensitiveCategories}): the lead
 *     worker, team and contact of a case in one leave only under a grant covering it. Empty by default
 */
@ConfigurationProperties("goldenthread.node")
public record NodeProperties(String agencyId, Grpc grpc, Confirmation confirmation, GrantReplay grantReplay,
        List<String> sensitiveCategories) {

    public NodeProperties {
        // The id also names the node's database, so it is held to a safe shape.
        if (agencyId == null || !agencyId.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException(
                    "goldenthread.node.agency-id must be set to a lower-case agency id, e.g. 'police'");
        }
        grpc = grpc == null ? new Grpc(0, null, null, null, null) : grpc;
        confirmation = confirmation == null ? new Confirmation(null, null) : confirmation;
        grantReplay = grantReplay == null ? new GrantReplay(null) : grantReplay;
        sensitiveCategories = sensitiveCategories == null ? List.of() : List.copyOf(sensitiveCategories);
        sensitiveCategorySet(sensitiveCategories);
    }

    /** The categories this agency marks sensitive; a name outside the vocabulary stops the node at start. */
    public Set<DataCategory> sensitiveCategorySet() {
        return sensitiveCategorySet(sensitiveCategories);
    }

    private static Set<DataCategory> sensitiveCategorySet(List<String> names) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue; // an empty setting, e.g. NODE_SENSITIVE_CATEGORIES= in a container
            }
            try {
                categories.add(Vocabulary.category(name));
            } catch (Vocabulary.UnknownTermException e) {
                throw new IllegalArgumentException("goldenthread.node.sensitive-categories: " + e.getMessage(), e);
            }
        }
        return categories;
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

    /**
     * @param key base64 of at least 32 random bytes: the node's secret for confirmation references
     *     and page tokens. Unset: a random key per start, so a restart voids every open reference
     *     and page token (and replicas of one node cannot honour each other's: set it there)
     * @param ttl how long a confirmation reference stays valid after it is issued
     */
    public record Confirmation(String key, Duration ttl) {

        public Confirmation {
            if (key != null && !key.isBlank() && decoded(key).length < 32) {
                throw new IllegalArgumentException("goldenthread.node.confirmation.key must be base64 of at least 32 bytes");
            }
            key = key == null || key.isBlank() ? null : key;
            ttl = ttl == null ? Duration.ofMinutes(15) : ttl;
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("goldenthread.node.confirmation.ttl must be positive");
            }
        }

        /** The configured key's bytes; null when none is configured. */
        public byte[] keyBytes() {
            return key == null ? null : decoded(key);
        }

        private static byte[] decoded(String base64) {
            try {
                return Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("goldenthread.node.confirmation.key is not base64", e);
            }
        }

        @Override
        public String toString() {
            return "Confirmation[key=" + (key == null ? "random per start" : "(set)") + ", ttl=" + ttl + "]";
        }
    }

    /**
     * @param capacity the most live grants remembered; when full of unexpired ones, further calls are
     *     refused (RESOURCE_EXHAUSTED) rather than a grant forgotten early
     */
    public record GrantReplay(Integer capacity) {

        public GrantReplay {
            capacity = capacity == null ? 100_000 : capacity;
            if (capacity < 1) {
                throw new IllegalArgumentException("goldenthread.node.grant-replay.capacity must be at least 1");
            }
        }
    }
}
