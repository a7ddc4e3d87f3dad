package org.goldenthread.gateway.federation;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.goldenthread.gateway.GatewayProperties;
import org.goldenthread.gateway.registry.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One long-lived gRPC channel per node endpoint and pinned certificate, reused by every request:
 * a channel multiplexes calls over one HTTP/2 connection and reconnects by itself, so creating
 * one per request would only add handshakes. With {@code goldenthread.gateway.tls.*} set, every
 * channel is mutual TLS: the gateway shows its client certificate, and accepts only node
 * certificates the federation CA signed and the registry pins.
 */
@Component
public class NodeChannels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeChannels.class);

    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final GatewayProperties.Tls tls;
    private final X509TrustManager federationCa;

    NodeChannels(GatewayProperties properties) {
        this.tls = properties.tls();
        if (tls != null && tls.configured()) {
            this.federationCa = trustManager(tls);
        } else {
            this.federationCa = null;
            log.warn("goldenthread.gateway.tls is not set: federation calls to nodes are NOT encrypted (development only)");
        }
    }

    public ManagedChannel channelFor(Agency agency) {
        String pin = agency.certificateFingerprint();
        return channels.computeIfAbsent(agency.grpcTarget() + "|" + pin, key -> open(agency.grpcTarget(), pin));
    }

    private ManagedChannel open(String target, String pin) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target).keepAliveTime(60, TimeUnit.SECONDS);
        if (federationCa == null) {
            return builder.usePlaintext().build();
        }
        try {
            SslContext context = GrpcSslContexts.forClient()
                    .keyManager(tls.certificate().toFile(), tls.privateKey().toFile())
                    .trustManager(new PinningTrustManager(federationCa, pin))
                    .build();
            return builder.sslContext(context).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway's TLS material", e);
        }
    }

    private static X509TrustManager trustManager(GatewayProperties.Tls tls) {
        try (InputStream in = Files.newInputStream(tls.trust())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("federation-ca-" + i++, (X509Certificate) certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager available");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the federation CA " + tls.trust(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the federation CA " + tls.trust(), e);
        }
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
