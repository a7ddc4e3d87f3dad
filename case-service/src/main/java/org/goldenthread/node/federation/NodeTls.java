package org.goldenthread.node.federation;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mutual TLS on the node's federation port (ARCHITECTURE.md §1, the gateway issue): the node
 * presents its certificate, requires a client certificate signed by the federation CA, and
 * accepts only the gateway's (its certificate's common name). Configured with
 * {@code goldenthread.node.grpc.tls.*} (PEM files); without it the port is plaintext, which is
 * right only inside a mesh that does mTLS itself (Istio STRICT) or on a developer's machine.
 *
 * @param certificate the node's certificate chain (PEM)
 * @param privateKey the node's private key (PKCS#8 PEM)
 * @param trust the federation CA (PEM) that signs client certificates
 * @param allowedClient the common name the caller's certificate must carry; default {@code gateway}
 * @param healthPort when set, {@code grpc.health.v1} alone is also served in plaintext on this port, for
 *     Kubernetes' native gRPC probes (the kubelet cannot present a client certificate); no data is there
 */
@ConfigurationProperties("goldenthread.node.grpc.tls")
public record NodeTls(Path certificate, Path privateKey, Path trust, String allowedClient, Integer healthPort) {

    public NodeTls {
        allowedClient = allowedClient == null || allowedClient.isBlank() ? "gateway" : allowedClient;
    }

    public boolean configured() {
        return certificate != null && privateKey != null && trust != null;
    }

    /** The server's TLS context, when configured. */
    public Optional<SslContext> serverContext() {
        if (!configured()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GrpcSslContexts.forServer(certificate.toFile(), privateKey.toFile())
                    .trustManager(trust.toFile())
                    .clientAuth(ClientAuth.REQUIRE)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the node's TLS material", e);
        }
    }

    /** Refuses, with PERMISSION_DENIED, any caller whose client certificate is not the allowed one. */
    public ServerInterceptor allowedClientOnly() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
                if (session == null || !allowedClient.equals(commonName(session))) {
                    call.close(Status.PERMISSION_DENIED.withDescription("only the federation gateway may call this node"),
                            new Metadata());
                    return new ServerCall.Listener<>() { };
                }
                return next.startCall(call, headers);
            }
        };
    }

    private static String commonName(SSLSession session) {
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
                return null;
            }
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return null;
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            return null;
        }
    }
}
